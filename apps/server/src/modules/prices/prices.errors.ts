import { defineErrors } from '../../infra/errors';

export const priceErrors = defineErrors({
  PRICES_CSV_HEADER: {
    kind: 'invalid',
    'zh-CN':
      '无法识别文件表头：信息价文件须含 material,region_code,unit,month,price 列，指数文件须含 series_id,date,index_value 列',
    en: 'Header not recognised: a price file needs material,region_code,unit,month,price; an index file needs series_id,date,index_value',
  },
  PRICES_CSV_EMPTY: { kind: 'invalid', 'zh-CN': '文件中没有数据行', en: 'The file has no data lines' },
  PRICES_SERIES_NOT_FOUND: { kind: 'not_found', 'zh-CN': '价格序列不存在', en: 'Price series not found' },
});

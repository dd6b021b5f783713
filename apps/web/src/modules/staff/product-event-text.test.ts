import { describe, expect, it } from 'vitest';
import { summariseProperties } from './product-event-text';

const words = {
  label: (key: string) => ({ via: '方式', businessRoles: '业务角色', withinSla: '审核时效内' })[key] ?? key,
  yes: '是',
  no: '否',
  none: '无',
  colon: '：',
  separator: '；',
  listSeparator: '、',
};

describe('summariseProperties', () => {
  it('names each property and writes its value for people', () => {
    expect(summariseProperties({ via: 'email', businessRoles: ['GC', 'SUP'], withinSla: true }, words)).toBe(
      '方式：email；业务角色：GC、SUP；审核时效内：是',
    );
  });

  it('shortens ids, keeps unknown keys and says none for empty values', () => {
    expect(
      summariseProperties({ demandId: '01a2492d-fb37-7075-8dd3-f8cac65e08e8', regionCode: null, tags: [] }, words),
    ).toBe('demandId：01a2492d…；regionCode：无；tags：无');
  });

  it('writes nested values as JSON rather than [object Object]', () => {
    expect(summariseProperties({ amendment: false, extra: { a: 1 } }, words)).toBe('amendment：否；extra：{"a":1}');
  });
});

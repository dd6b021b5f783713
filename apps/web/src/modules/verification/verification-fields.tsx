import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { QUALIFICATION_GRADES, QUALIFICATION_KINDS } from '@zhuhe/contracts';
import { Button, Card, Checkbox, Col, Form, Input, InputNumber, Row, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { DocumentUpload } from './document-upload';

type Name = (string | number)[];

/**
 * The 三重核验 fields: business licence, legal representative's ID card, qualification certificates. Used by the
 * organisation's verification page (prefix null) and inside the merchant application (prefix "verification").
 */
export function VerificationFields({ orgId, prefix }: { orgId: string; prefix: string | null }) {
  const { t } = useTranslation('verification');
  const n = (...parts: Name): Name => (prefix ? [prefix, ...parts] : parts);
  const required = { required: true, message: t('required') };
  const form = Form.useFormInstance();
  const licenceLongTerm = Form.useWatch(n('licence', 'longTerm'), form);
  const idLongTerm = Form.useWatch(n('idCard', 'longTerm'), form);

  return (
    <>
      <Card size="small" title={t('sections.licence')} style={{ marginBottom: 16 }}>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name={n('licence', 'creditCode')} label={t('fields.creditCode')} rules={[required]}>
              <Input maxLength={18} style={{ textTransform: 'uppercase' }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name={n('licence', 'companyName')} label={t('fields.companyName')} rules={[required]}>
              <Input maxLength={100} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name={n('licence', 'legalRepresentative')}
              label={t('fields.legalRepresentative')}
              rules={[required]}
            >
              <Input maxLength={50} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name={n('licence', 'capitalWan')} label={t('fields.capitalWan')} rules={[required]}>
              <InputNumber min={0} precision={2} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item name={n('licence', 'address')} label={t('fields.address')} rules={[required]}>
              <Input maxLength={200} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name={n('licence', 'validFrom')} label={t('fields.validFrom')} rules={[required]}>
              <Input type="date" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item
              name={n('licence', 'validUntil')}
              label={t('fields.validUntil')}
              rules={licenceLongTerm ? [] : [required]}
            >
              <Input type="date" disabled={Boolean(licenceLongTerm)} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name={n('licence', 'longTerm')} valuePropName="checked" label=" ">
              <Checkbox>{t('fields.licenceLongTerm')}</Checkbox>
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item name={n('licence', 'fileId')} label={t('fields.licenceFile')} rules={[required]}>
              <DocumentUpload orgId={orgId} testId="upload-licence" />
            </Form.Item>
          </Col>
        </Row>
      </Card>

      <Card size="small" title={t('sections.idCard')} style={{ marginBottom: 16 }}>
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Form.Item name={n('idCard', 'name')} label={t('fields.idName')} rules={[required]}>
              <Input maxLength={50} />
            </Form.Item>
          </Col>
          <Col xs={24} md={16}>
            <Form.Item name={n('idCard', 'number')} label={t('fields.idNumber')} rules={[required]}>
              <Input maxLength={18} autoComplete="off" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item
              name={n('idCard', 'validUntil')}
              label={t('fields.idValidUntil')}
              rules={idLongTerm ? [] : [required]}
            >
              <Input type="date" disabled={Boolean(idLongTerm)} />
            </Form.Item>
          </Col>
          <Col xs={24} md={16}>
            <Form.Item name={n('idCard', 'longTerm')} valuePropName="checked" label=" ">
              <Checkbox>{t('fields.idLongTerm')}</Checkbox>
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name={n('idCard', 'frontFileId')} label={t('fields.idFront')} rules={[required]}>
              <DocumentUpload orgId={orgId} testId="upload-id-front" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name={n('idCard', 'backFileId')} label={t('fields.idBack')} rules={[required]}>
              <DocumentUpload orgId={orgId} testId="upload-id-back" />
            </Form.Item>
          </Col>
        </Row>
      </Card>

      <Card size="small" title={t('sections.qualifications')} style={{ marginBottom: 16 }}>
        <Form.List name={n('qualifications')}>
          {(fields, { add, remove }) => (
            <>
              {fields.map((field, index) => (
                <Card
                  key={field.key}
                  type="inner"
                  size="small"
                  style={{ marginBottom: 12 }}
                  title={`${t('sections.qualifications')} ${index + 1}`}
                  extra={
                    fields.length > 1 ? (
                      <Button type="text" icon={<MinusCircleOutlined />} onClick={() => remove(field.name)}>
                        {t('actions.remove')}
                      </Button>
                    ) : null
                  }
                >
                  <Row gutter={16}>
                    <Col xs={24} md={8}>
                      <Form.Item name={[field.name, 'kind']} label={t('fields.qualKind')} rules={[required]}>
                        <Select options={QUALIFICATION_KINDS.map((k) => ({ value: k, label: t(`kinds.${k}`) }))} />
                      </Form.Item>
                    </Col>
                    <Col xs={24} md={8}>
                      <Form.Item name={[field.name, 'category']} label={t('fields.qualCategory')} rules={[required]}>
                        <Input maxLength={50} />
                      </Form.Item>
                    </Col>
                    <Col xs={24} md={8}>
                      <Form.Item name={[field.name, 'grade']} label={t('fields.qualGrade')} rules={[required]}>
                        <Select options={QUALIFICATION_GRADES.map((g) => ({ value: g, label: t(`grades.${g}`) }))} />
                      </Form.Item>
                    </Col>
                    <Col xs={24} md={8}>
                      <Form.Item name={[field.name, 'number']} label={t('fields.qualNumber')} rules={[required]}>
                        <Input maxLength={50} />
                      </Form.Item>
                    </Col>
                    <Col xs={24} md={16}>
                      <Form.Item name={[field.name, 'issuer']} label={t('fields.qualIssuer')} rules={[required]}>
                        <Input maxLength={100} />
                      </Form.Item>
                    </Col>
                    <Col xs={24} md={8}>
                      <Form.Item name={[field.name, 'validFrom']} label={t('fields.qualValidFrom')} rules={[required]}>
                        <Input type="date" />
                      </Form.Item>
                    </Col>
                    <Col xs={24} md={8}>
                      <Form.Item
                        name={[field.name, 'validUntil']}
                        label={t('fields.qualValidUntil')}
                        rules={[required]}
                      >
                        <Input type="date" />
                      </Form.Item>
                    </Col>
                    <Col xs={24} md={8}>
                      <Form.Item name={[field.name, 'fileId']} label={t('fields.qualFile')} rules={[required]}>
                        <DocumentUpload orgId={orgId} testId={`upload-qualification-${index}`} />
                      </Form.Item>
                    </Col>
                  </Row>
                </Card>
              ))}
              <Button
                type="dashed"
                icon={<PlusOutlined />}
                onClick={() => add({ kind: 'specialty_contracting', grade: 'second' })}
                block
              >
                {t('actions.addQualification')}
              </Button>
            </>
          )}
        </Form.List>
      </Card>
    </>
  );
}

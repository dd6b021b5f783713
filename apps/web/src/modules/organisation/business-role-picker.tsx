import { type BusinessRole, SELF_SERVICE_BUSINESS_ROLES } from '@zhuhe/contracts';
import { Checkbox, Col, Flex, Row, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

interface BusinessRolePickerProps {
  value?: BusinessRole[];
  onChange?: (value: BusinessRole[]) => void;
}

/** 业务角色 multi-select as a grid of labelled checkboxes; controlled by antd Form. */
export function BusinessRolePicker({ value, onChange }: BusinessRolePickerProps) {
  const { t } = useTranslation('organisation');
  return (
    <Checkbox.Group value={value} onChange={(next) => onChange?.(next)} style={{ width: '100%' }}>
      <Row gutter={[12, 12]} style={{ width: '100%' }}>
        {SELF_SERVICE_BUSINESS_ROLES.map((role) => (
          <Col key={role} xs={24} sm={12}>
            <Checkbox value={role} data-testid={`business-role-${role}`}>
              <Flex vertical>
                <span>
                  <Typography.Text strong>{t(`roles.${role}`)}</Typography.Text>{' '}
                  <Typography.Text type="secondary">{role}</Typography.Text>
                </span>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t(`roleHints.${role}`)}
                </Typography.Text>
              </Flex>
            </Checkbox>
          </Col>
        ))}
      </Row>
    </Checkbox.Group>
  );
}

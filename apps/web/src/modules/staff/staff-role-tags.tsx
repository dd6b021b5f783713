import type { StaffRole } from '@zhuhe/contracts';
import { Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

export function StaffRoleTags({ roles }: { roles: readonly StaffRole[] }) {
  const { t } = useTranslation('staff');
  if (roles.length === 0) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <Flex gap={4} wrap>
      {roles.map((role) => (
        <Tag key={role} color={role === 'admin' ? 'red' : 'geekblue'}>
          {t(`staffRoles.${role}`)}
        </Tag>
      ))}
    </Flex>
  );
}

import type { BusinessRole } from '@zhuhe/contracts';
import { Flex, Tag } from 'antd';
import { useTranslation } from 'react-i18next';

const ROLE_COLOURS: Record<BusinessRole, string> = {
  GC: 'blue',
  SUB: 'cyan',
  SUP: 'green',
  DES: 'purple',
  SVR: 'orange',
  FIN: 'gold',
  GOV: 'red',
};

export function BusinessRoleTag({ role }: { role: BusinessRole }) {
  const { t } = useTranslation('organisation');
  return <Tag color={ROLE_COLOURS[role]}>{t(`roles.${role}`)}</Tag>;
}

export function BusinessRoleTags({ roles }: { roles: readonly BusinessRole[] }) {
  return (
    <Flex gap={4} wrap>
      {roles.map((role) => (
        <BusinessRoleTag key={role} role={role} />
      ))}
    </Flex>
  );
}

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Flex, Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useErrorFeedback } from '../../app/use-error-feedback';
import { useAuthedMe } from '../identity';
import { useOrganisation } from '../organisation';
import {
  COMMUNITY_BOARDS,
  COMMUNITY_BODY_MAX,
  COMMUNITY_TITLE_MAX,
  type CommunityBoard,
  communityKeys,
  createPost,
  PROVINCES,
} from './community.api';
import { useProvinceName } from './community-parts';

interface Values {
  board: CommunityBoard;
  regionCode?: string;
  title: string;
  body: string;
  tags?: string[];
}

const FIELDS = ['board', 'regionCode', 'title', 'body', 'tags'] as const;

/** 发帖 for the organisation the user is acting for; a held post opens with the reasons shown. */
export function CommunityPostForm() {
  const { t } = useTranslation('community');
  const me = useAuthedMe();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const feedback = useErrorFeedback();
  const provinceName = useProvinceName();
  const [form] = Form.useForm<Values>();
  const board = Form.useWatch('board', form);
  const membership = me.memberships.find((m) => m.orgId === me.activeOrgId) ?? me.memberships[0];
  const org = useOrganisation(membership?.orgId ?? '');
  const create = useMutation({
    mutationFn: (values: Values) =>
      createPost(membership?.orgId as string, {
        board: values.board,
        regionCode: values.regionCode ?? null,
        title: values.title,
        body: values.body,
        tags: values.tags ?? [],
      }),
    onSuccess: (post) => {
      void queryClient.invalidateQueries({ queryKey: communityKeys.all });
      navigate(`/community/posts/${post.id}`);
    },
    onError: (error) => feedback.showOnForm(form, error, { fields: FIELDS }),
  });
  if (!membership || (org.data && org.data.verification !== 'verified'))
    return <Alert type="info" showIcon message={t('form.noOrg')} />;
  return (
    <Card size="small">
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ board: 'experience', tags: [] }}
        onFinish={(values) => create.mutate(values)}
      >
        <Alert type="info" style={{ marginBottom: 16 }} message={t('form.asOrg', { org: membership.orgName })} />
        <Form.Item name="board" label={t('form.board')} rules={[{ required: true }]}>
          <Select options={COMMUNITY_BOARDS.map((b) => ({ value: b, label: t(`boards.${b}`) }))} />
        </Form.Item>
        <Form.Item
          name="regionCode"
          label={t('form.region')}
          rules={[{ required: board === 'regional', message: t('form.region') }]}
        >
          <Select
            allowClear
            showSearch
            optionFilterProp="label"
            options={PROVINCES.map(([code]) => ({ value: code, label: provinceName(code) }))}
          />
        </Form.Item>
        <Form.Item
          name="title"
          label={t('form.postTitle')}
          rules={[
            {
              required: true,
              whitespace: true,
              max: COMMUNITY_TITLE_MAX,
              message: t('form.titleRequired', { max: COMMUNITY_TITLE_MAX }),
            },
          ]}
        >
          <Input maxLength={COMMUNITY_TITLE_MAX} showCount />
        </Form.Item>
        <Form.Item
          name="body"
          label={t('form.body')}
          rules={[
            {
              required: true,
              whitespace: true,
              max: COMMUNITY_BODY_MAX,
              message: t('form.bodyRequired', { max: COMMUNITY_BODY_MAX }),
            },
          ]}
        >
          <Input.TextArea autoSize={{ minRows: 6, maxRows: 20 }} maxLength={COMMUNITY_BODY_MAX} showCount />
        </Form.Item>
        <Form.Item name="tags" label={t('form.tags')} extra={t('form.tagsHelp')}>
          <Select mode="tags" maxCount={5} tokenSeparators={[',', '，']} open={false} suffixIcon={null} />
        </Form.Item>
        <Flex gap={8}>
          <Button type="primary" htmlType="submit" loading={create.isPending}>
            {t('form.submit')}
          </Button>
          <Button onClick={() => navigate('/community')}>{t('form.cancel')}</Button>
        </Flex>
      </Form>
    </Card>
  );
}

import { CheckCircleFilled, LikeFilled, LikeOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CommunityPost, CommunityReply } from '@zhuhe/contracts';
import { Alert, App, Button, Card, Flex, Form, Input, List, Modal, Popconfirm, Select, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { formatDateTime } from '../../app/format-date';
import { ErrorState, LoadingState } from '../../app/page-states';
import { PageTitle } from '../../app/page-title';
import { useErrorFeedback } from '../../app/use-error-feedback';
import { useAuthedMe } from '../identity';
import { useOrganisation } from '../organisation';
import {
  COMMUNITY_BODY_MAX,
  COMMUNITY_REPLY_MAX,
  COMMUNITY_TITLE_MAX,
  type CommunityTargetKind,
  chooseBestAnswer,
  communityKeys,
  createReply,
  deletePost,
  editPost,
  fetchPost,
  QA_BOARDS,
  reportContent,
  setLike,
} from './community.api';
import { AuthorLine, HeldNotice, StatusTag, useProvinceName } from './community-parts';

function ReportButton({ kind, id }: { kind: CommunityTargetKind; id: string }) {
  const { t } = useTranslation('community');
  const { message } = App.useApp();
  const feedback = useErrorFeedback();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{ reason: string }>();
  const send = useMutation({
    mutationFn: (reason: string) => reportContent(kind, id, reason),
    onSuccess: () => {
      setOpen(false);
      form.resetFields();
      void message.success(t('detail.reported'));
    },
    onError: (error) => feedback.show(error),
  });
  return (
    <>
      <Button size="small" type="text" onClick={() => setOpen(true)}>
        {t('detail.report')}
      </Button>
      <Modal
        open={open}
        title={t('detail.reportTitle')}
        okText={t('detail.reportSubmit')}
        onOk={() => form.submit()}
        confirmLoading={send.isPending}
        onCancel={() => setOpen(false)}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" onFinish={(v) => send.mutate(v.reason)}>
          <Form.Item
            name="reason"
            label={t('detail.reportReason')}
            extra={t('detail.reportReasonHelp')}
            rules={[{ required: true, whitespace: true, min: 4, max: 500 }]}
          >
            <Input.TextArea autoSize={{ minRows: 3 }} maxLength={500} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}

function LikeButton({
  kind,
  id,
  liked,
  count,
  postId,
}: {
  kind: CommunityTargetKind;
  id: string;
  liked: boolean;
  count: number;
  postId: string;
}) {
  const { t } = useTranslation('community');
  const queryClient = useQueryClient();
  const feedback = useErrorFeedback();
  const toggle = useMutation({
    mutationFn: () => setLike(kind, id, !liked),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: communityKeys.post(postId) }),
    onError: (error) => feedback.show(error),
  });
  return (
    <Button
      size="small"
      type={liked ? 'primary' : 'default'}
      ghost={liked}
      icon={liked ? <LikeFilled /> : <LikeOutlined />}
      aria-pressed={liked}
      loading={toggle.isPending}
      onClick={() => toggle.mutate()}
    >
      {liked ? t('detail.liked') : t('detail.like')} {count}
    </Button>
  );
}

function ReplyItem({ post, reply }: { post: CommunityPost; reply: CommunityReply }) {
  const { t } = useTranslation('community');
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const feedback = useErrorFeedback();
  const best = useMutation({
    mutationFn: () => chooseBestAnswer(post.id, reply.id),
    onSuccess: (updated) => {
      queryClient.setQueryData(communityKeys.post(post.id), updated);
      void message.success(t('detail.bestChosen'));
    },
    onError: (error) => feedback.show(error),
  });
  const canChoose =
    post.mine && QA_BOARDS.includes(post.board) && !reply.mine && reply.status === 'published' && !reply.isBestAnswer;
  return (
    <List.Item data-testid="community-reply">
      <Flex vertical gap={6} style={{ width: '100%', minWidth: 0 }}>
        <Flex gap={8} wrap align="center" justify="space-between">
          <AuthorLine author={reply.author} />
          <Flex gap={4} align="center">
            {reply.isBestAnswer ? (
              <Tag color="success" icon={<CheckCircleFilled />} data-testid="best-answer">
                {t('detail.best')}
              </Tag>
            ) : null}
            <StatusTag status={reply.status} />
          </Flex>
        </Flex>
        {reply.heldReasons.length > 0 ? <HeldNotice reasons={reply.heldReasons} /> : null}
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0, overflowWrap: 'anywhere' }}>
          {reply.body}
        </Typography.Paragraph>
        <Flex gap={8} wrap align="center">
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {formatDateTime(reply.createdAt)}
          </Typography.Text>
          {reply.status === 'published' ? (
            <LikeButton kind="reply" id={reply.id} liked={reply.likedByMe} count={reply.likeCount} postId={post.id} />
          ) : null}
          {canChoose ? (
            <Button size="small" onClick={() => best.mutate()} loading={best.isPending}>
              {t('detail.chooseBest')}
            </Button>
          ) : null}
          {!reply.mine && reply.status === 'published' ? <ReportButton kind="reply" id={reply.id} /> : null}
        </Flex>
      </Flex>
    </List.Item>
  );
}

function ReplyForm({ post }: { post: CommunityPost }) {
  const { t } = useTranslation('community');
  const me = useAuthedMe();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const feedback = useErrorFeedback();
  const [form] = Form.useForm<{ body: string }>();
  const orgId = me.activeOrgId ?? me.memberships[0]?.orgId;
  const org = useOrganisation(orgId ?? '');
  const send = useMutation({
    mutationFn: (body: string) => createReply(orgId as string, post.id, body),
    onSuccess: (updated) => {
      queryClient.setQueryData(communityKeys.post(post.id), updated);
      form.resetFields();
      const mine = updated.replies.filter((r) => r.mine).at(-1);
      void (mine?.status === 'held' ? message.warning(t('detail.replyHeld')) : message.success(t('detail.replied')));
    },
    onError: (error) => feedback.showOnForm(form, error, { fields: ['body'] }),
  });
  if (!orgId) return <Alert type="info" showIcon message={t('form.noOrg')} />;
  if (org.data && org.data.verification !== 'verified')
    return <Alert type="info" showIcon message={t('detail.cannotReply')} />;
  return (
    <Form form={form} layout="vertical" onFinish={(v) => send.mutate(v.body)}>
      <Form.Item
        name="body"
        label={t('detail.replyLabel')}
        rules={[{ required: true, whitespace: true, max: COMMUNITY_REPLY_MAX }]}
      >
        <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} maxLength={COMMUNITY_REPLY_MAX} showCount />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={send.isPending}>
        {t('detail.replySubmit')}
      </Button>
    </Form>
  );
}

/** 编辑 the author's own post within the edit window; the text is screened again. */
function EditButton({ post }: { post: CommunityPost }) {
  const { t } = useTranslation('community');
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const feedback = useErrorFeedback();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{ title: string; body: string; tags: string[] }>();
  const save = useMutation({
    mutationFn: (v: { title: string; body: string; tags: string[] }) => editPost(post.id, v),
    onSuccess: (updated) => {
      queryClient.setQueryData(communityKeys.post(post.id), updated);
      void queryClient.invalidateQueries({ queryKey: ['community', 'posts'] });
      setOpen(false);
      void (updated.status === 'held' ? message.warning(t('held.title')) : message.success(t('detail.saved')));
    },
    onError: (error) => feedback.showOnForm(form, error, { fields: ['title', 'body', 'tags'] }),
  });
  return (
    <>
      <Button size="small" type="text" onClick={() => setOpen(true)}>
        {t('detail.edit')}
      </Button>
      <Modal
        open={open}
        title={t('detail.edit')}
        okText={t('detail.save')}
        onOk={() => form.submit()}
        confirmLoading={save.isPending}
        onCancel={() => setOpen(false)}
        destroyOnHidden
      >
        <Form
          form={form}
          layout="vertical"
          initialValues={{ title: post.title, body: post.body, tags: post.tags }}
          onFinish={(v) => save.mutate({ ...v, tags: v.tags ?? [] })}
        >
          <Form.Item
            name="title"
            label={t('form.postTitle')}
            rules={[{ required: true, whitespace: true, max: COMMUNITY_TITLE_MAX }]}
          >
            <Input maxLength={COMMUNITY_TITLE_MAX} showCount />
          </Form.Item>
          <Form.Item
            name="body"
            label={t('form.body')}
            rules={[{ required: true, whitespace: true, max: COMMUNITY_BODY_MAX }]}
          >
            <Input.TextArea autoSize={{ minRows: 5, maxRows: 16 }} maxLength={COMMUNITY_BODY_MAX} showCount />
          </Form.Item>
          <Form.Item name="tags" label={t('form.tags')} extra={t('form.tagsHelp')}>
            <Select mode="tags" maxCount={5} tokenSeparators={[',', '，']} open={false} suffixIcon={null} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}

/** 帖子详情: the post, its replies, likes, the best answer (Q&A boards), reporting and the reply form. */
export function CommunityPostDetail({ postId }: { postId: string }) {
  const { t } = useTranslation('community');
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const feedback = useErrorFeedback();
  const provinceName = useProvinceName();
  const post = useQuery({ queryKey: communityKeys.post(postId), queryFn: () => fetchPost(postId) });
  const remove = useMutation({
    mutationFn: () => deletePost(postId),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: communityKeys.all });
      void message.success(t('detail.deleted'));
      navigate('/community');
    },
    onError: (error) => feedback.show(error),
  });
  if (post.isLoading) return <LoadingState />;
  if (post.isError || !post.data)
    return (
      <>
        <PageTitle title={t('detail.notFound')} />
        <ErrorState error={post.error} onRetry={() => void post.refetch()} />
      </>
    );
  const p = post.data;
  return (
    <Flex vertical gap={16}>
      <Link to="/community">← {t('detail.back')}</Link>
      <PageTitle title={p.title} />
      <Card size="small">
        <Flex vertical gap={10}>
          <Flex gap={6} wrap align="center">
            <Tag color="blue">{t(`boards.${p.board}`)}</Tag>
            {p.regionCode ? <Tag color="cyan">{provinceName(p.regionCode)}</Tag> : null}
            {p.tags.map((tag) => (
              <Tag key={tag}>{tag}</Tag>
            ))}
            <StatusTag status={p.status} />
          </Flex>
          <AuthorLine author={p.author} />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('detail.postedAt', { time: formatDateTime(p.createdAt) })}
          </Typography.Text>
          {p.heldReasons.length > 0 ? <HeldNotice reasons={p.heldReasons} /> : null}
          {p.status === 'removed' && p.removedReason ? (
            <Alert type="error" showIcon message={t('removed', { reason: p.removedReason })} />
          ) : null}
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0, overflowWrap: 'anywhere' }}>
            {p.body}
          </Typography.Paragraph>
          <Flex gap={8} wrap align="center">
            {p.status === 'published' ? (
              <LikeButton kind="post" id={p.id} liked={p.likedByMe} count={p.likeCount} postId={p.id} />
            ) : null}
            {!p.mine && p.status === 'published' ? <ReportButton kind="post" id={p.id} /> : null}
            {p.editable ? <EditButton post={p} /> : null}
            {p.mine ? (
              <Popconfirm title={t('detail.deleteConfirm')} onConfirm={() => remove.mutate()}>
                <Button size="small" danger type="text">
                  {t('detail.delete')}
                </Button>
              </Popconfirm>
            ) : null}
          </Flex>
        </Flex>
      </Card>
      <Card
        size="small"
        title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('detail.replies', { count: p.replyCount })}</h2>}
      >
        <List
          dataSource={p.replies}
          locale={{ emptyText: t('detail.noReplies') }}
          renderItem={(reply) => <ReplyItem post={p} reply={reply} />}
        />
        {p.status === 'published' ? <ReplyForm post={p} /> : null}
      </Card>
    </Flex>
  );
}

import { type Browser, expect, type Page, test } from './journey-test';
import { demoLogin, notificationsAbout } from './support';

/** The demo reviewer (审核 role): the community's moderation queue. */
const REVIEWER = { email: 'reviewer@example.com', secret: 'KRSXG5CTMVRXEZLUKRSXG5CTMVRXEZLU' };

async function newPage(browser: Browser): Promise<Page> {
  return (await browser.newContext()).newPage();
}

async function writePost(page: Page, board: string, title: string, body: string) {
  await page.goto('/community');
  await page.getByRole('button', { name: '发帖' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '发帖' })).toBeVisible();
  await page.getByRole('combobox', { name: '版块' }).click();
  await page.getByTitle(board, { exact: true }).click();
  await page.getByRole('textbox', { name: '标题' }).fill(title);
  await page.getByRole('textbox', { name: '正文' }).fill(body);
  await page.getByRole('button', { name: '发布' }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
}

/**
 * 施工人社区 (COMM-1): gc@ asks a legal question → gc2@ answers → gc@ marks the best answer; a post with a banned
 * claim is held at submission with the reason shown; the reviewer takes down the post reported in the demo and its
 * author is told.
 */
test('a question gets an answer chosen as best; a banned claim is held; a reported post is taken down', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const stamp = Date.now().toString().slice(-6);
  const title = `分包合同约定背靠背付款条款是否有效？（${stamp}）`;

  // 1. gc@ asks on the legal Q&A board
  const gc = await newPage(browser);
  await demoLogin(gc, 'gc@example.com');
  await gc.goto('/community');
  await expect(gc.getByRole('heading', { level: 1, name: '施工人社区' })).toBeVisible();
  await writePost(
    gc,
    '法律问答',
    title,
    '总包与我们签的分包合同写明“业主付款后再支付分包款”，业主迟迟不付，这一条款是否有效？',
  );
  const postUrl = gc.url();

  // 2. gc2@ (another verified organisation) finds it by search and replies
  const sub = await newPage(browser);
  await demoLogin(sub, 'gc2@example.com');
  await sub.goto('/community');
  await sub.getByLabel('搜索社区').fill(`背靠背付款条款是否有效？（${stamp}`);
  await sub.getByRole('button', { name: '搜索' }).click();
  await sub.getByRole('link', { name: title }).click();
  await sub
    .getByRole('textbox', { name: '写回复' })
    .fill('参照最高法相关答复，背靠背条款并非当然无效，但总包怠于向业主主张权利时，不能以此拒付分包款。');
  await sub.getByRole('button', { name: '回复', exact: true }).click();
  await expect(sub.getByText('回复已发布')).toBeVisible();
  await sub.getByTestId('community-reply').getByRole('button', { name: /点赞/ }).click();
  await expect(sub.getByTestId('community-reply').getByRole('button', { name: /已赞 1/ })).toBeVisible();

  // 3. gc@ is notified and marks the best answer
  await expect.poll(() => notificationsAbout(gc, '有新回复'), { timeout: 30_000 }).toBeGreaterThan(0);
  await gc.goto(postUrl);
  await gc.getByRole('button', { name: '采纳为最佳答案' }).click();
  await expect(gc.getByText('已采纳最佳答案')).toBeVisible();
  await expect(gc.getByTestId('best-answer')).toBeVisible();

  // 4. a post with a banned claim is held for review, with the reason shown to its author
  await writePost(gc, '材料价格', `商砼供应信息（${stamp}）`, 'C30 商品混凝土长期供应，零风险合作，欢迎咨询。');
  await expect(gc.getByTestId('held-notice')).toContainText('零风险');
  await expect(gc.getByText('审核中').first()).toBeVisible();
  // the author rewrites it within the edit window; the clean text is published
  await gc.getByRole('button', { name: '编辑' }).click();
  const edit = gc.getByRole('dialog', { name: '编辑' });
  await edit.getByRole('textbox', { name: '正文' }).fill('C30 商品混凝土长期供应，欢迎咨询。');
  await edit.getByRole('button', { name: '保存' }).click();
  await expect(gc.getByText('已保存')).toBeVisible();
  await expect(gc.getByTestId('held-notice')).toHaveCount(0);

  // 5. the reviewer takes down the post the demo reported; its author is notified with the reason
  const reviewer = await newPage(browser);
  await demoLogin(reviewer, REVIEWER.email, REVIEWER.secret);
  await reviewer.goto('/staff/community');
  await expect(reviewer.getByRole('heading', { level: 1, name: '社区审核' })).toBeVisible();
  const reported = reviewer.getByTestId('community-queue-item').filter({ hasText: '二手脚手架钢管便宜处理' });
  await expect(reported).toContainText('引导私下交易，疑似广告');
  await reported.getByRole('button', { name: '下架' }).click();
  const dialog = reviewer.getByRole('dialog', { name: '下架' });
  await dialog.getByRole('textbox', { name: '下架理由（作者可见）' }).fill('引导站外私下交易，违反社区规范');
  await dialog.getByRole('button', { name: '下架' }).click();
  await expect(reviewer.getByText('已下架并通知作者')).toBeVisible();
  await expect(reviewer.getByTestId('community-queue-item').filter({ hasText: '二手脚手架钢管便宜处理' })).toHaveCount(
    0,
  );
  await reviewer.getByRole('tab', { name: /已下架/ }).click();
  await expect(
    reviewer.getByTestId('community-queue-item').filter({ hasText: '二手脚手架钢管便宜处理' }),
  ).toBeVisible();

  // the post is gone from the community for everyone else
  await sub.goto('/community');
  await sub.getByLabel('搜索社区').fill('二手脚手架钢管便宜处理');
  await sub.getByRole('button', { name: '搜索' }).click();
  await expect(sub.getByTestId('community-total')).toHaveText('共 0 个帖子');
});

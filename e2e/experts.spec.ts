import { type Browser, expect, type Page, test } from './journey-test';
import { demoLogin } from './support';

async function newPage(browser: Browser): Promise<Page> {
  return (await browser.newContext()).newPage();
}

/**
 * 专家智库 (DATA-6): gc@ asks a public question → the demo cost expert finds it in the inbox and answers → gc@
 * accepts the answer and rates it → gc2@, of another organisation, finds it by a Chinese keyword in the public
 * Q&A and reads the accepted answer.
 */
test('a GC asks publicly, an expert answers, the GC accepts and rates, another user finds it by search', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const stamp = Date.now().toString().slice(-6);
  const title = `塔吊基础承载力验算需要补充哪些资料（编号${stamp}）`;
  const answerText = `塔吊基础验算需补充地勘报告中的地基承载力特征值、塔吊说明书的基础荷载表，以及基础配筋图。编号${stamp}`;

  // 1. gc@ asks a public question in the organisation's name
  const gc = await newPage(browser);
  await demoLogin(gc, 'gc@example.com');
  await gc.goto('/experts');
  await expect(gc.getByRole('heading', { level: 1, name: '专家智库' })).toBeVisible();
  await expect(gc.getByRole('link', { name: '钱立群' })).toBeVisible();
  await gc.getByRole('link', { name: '公开提问' }).click();
  await expect(gc.getByRole('heading', { level: 1, name: '我的提问' })).toBeVisible();
  await gc.getByRole('combobox', { name: '专业领域' }).click();
  await gc.getByTitle('造价', { exact: true }).click();
  await gc.getByRole('textbox', { name: '问题标题' }).fill(title);
  await gc
    .getByRole('textbox', { name: '问题描述' })
    .fill('项目拟安装 QTZ80 塔吊，基础为 5 米见方的独立承台，监理要求补充验算资料，想了解需要准备哪些内容。');
  await gc.getByRole('button', { name: '提交问题' }).click();
  await expect(gc.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(gc.getByText('还没有专家回答')).toBeVisible();
  const questionUrl = gc.url();

  // 2. the cost expert sees it in the inbox (an open public question in their speciality) and answers
  const expert = await newPage(browser);
  await demoLogin(expert, 'expert.cost@example.com');
  await expert.goto('/experts/inbox');
  await expect(expert.getByRole('heading', { level: 1, name: '专家收件箱' })).toBeVisible();
  await expert.getByRole('link', { name: title }).click();
  await expert.getByRole('textbox', { name: '回答内容' }).fill(answerText);
  await expert.getByRole('button', { name: '提交回答' }).click();
  await expect(expert.getByText('回答已提交')).toBeVisible();
  await expect(expert.getByTestId('expert-answer')).toContainText(answerText);

  // 3. gc@ accepts the answer and rates it four stars
  await gc.goto(questionUrl);
  const answer = gc.getByTestId('expert-answer').filter({ hasText: answerText });
  await answer.getByRole('button', { name: '采纳这个回答' }).click();
  await expect(gc.getByText('已采纳').first()).toBeVisible();
  await answer.getByRole('radiogroup', { name: '评分' }).locator('li.ant-rate-star').nth(3).click();
  await answer.getByRole('textbox', { name: '评价（选填）' }).fill('清单很具体，谢谢。');
  await answer.getByRole('button', { name: '提交评价' }).click();
  await expect(gc.getByText('评价已提交')).toBeVisible();
  await expect(answer).toContainText('★★★★☆');
  await expect(answer).toContainText('清单很具体');

  // 4. gc2@, another organisation, finds it in the public Q&A by Chinese keywords
  const other = await newPage(browser);
  await demoLogin(other, 'gc2@example.com');
  await other.goto('/experts');
  await other.getByRole('tab', { name: '公开问答' }).click();
  await other.getByRole('searchbox', { name: '搜索公开问答' }).fill('塔吊 基础 验算');
  await other.getByRole('button', { name: '搜索公开问答' }).click();
  await other.getByRole('link', { name: title }).click();
  await expect(other.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(other.getByTestId('expert-answer').filter({ hasText: answerText })).toContainText('已采纳');
  // not the asker: no accept or rating controls
  await expect(other.getByRole('button', { name: '提交评价' })).toHaveCount(0);
});

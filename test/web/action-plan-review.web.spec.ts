import type { Browser, BrowserContext, Page } from 'playwright-core';
import { closeBrowsers, ensureWebBuilt, expectNoSeriousAxeViolations, launchBrowser, openAs } from '../support/browser';
import { graphqlCalls } from '../support/graphql-calls';
import { startTestPlatform, TestPlatform } from '../support/platform';

/**
 * Issue 7: "a host-government counterpart requests changes and later approves a plan". The lead
 * drafts and submits a plan over the API; the counterpart, in the browser, is refused a request for
 * changes without a comment, requests changes with one and sees it among the review comments; the
 * lead, in its own browser, adds the action asked for, raises a target and resubmits; the
 * counterpart's page follows live, shows what changed since its review, and approves.
 */
const mutation = (name: string, inputType: string) => `mutation($input: ${inputType}!) { ${name}(input: $input) { id version position } }`;
const REGISTER = mutation('registerOrganization', 'RegisterOrganizationInput');
const DRAFT = mutation('draftActionPlan', 'DraftActionPlanInput');
const ADD = mutation('addAction', 'AddActionInput');
const SUBMIT = mutation('submitActionPlan', 'SubmitActionPlanInput');
const PLAN = `query($id: ID!) { actionPlan(id: $id) { status version actions { description indicator { target } } reviewComments { verdict text author { id } } } }`;

const DAY = 86_400_000;

describe('action plan review in the browser', () => {
  const now = Date.now();
  const day = (days: number) => new Date(now + days * DAY).toISOString().slice(0, 10);
  let platform: TestPlatform;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const pageErrors: string[][] = [];
  let last = '0:0';
  const calls = graphqlCalls(
    () => platform,
    (payload) => (last = payload.position),
  );
  const org = {} as Record<'mission' | 'wfp' | 'gov', string>;
  const token = {} as Record<'mission' | 'gov', string>;
  let planId: string;

  /** A page of its own browser context, signed in as one of the plan's people, reading English. */
  const signedInPage = async (org: string, roles: Array<'LIAISON_OFFICER' | 'GOVERNMENT_COUNTERPART' | 'AGENCY_OFFICER'>, sub: string, hash: string): Promise<Page> => {
    const opened = await openAs(browser, platform, { org, roles, sub }, hash);
    contexts.push(opened.context);
    pageErrors.push(opened.pageErrors);
    return opened.page;
  };

  beforeAll(async () => {
    ensureWebBuilt();
    platform = await startTestPlatform();
    const admin = await platform.token('platform-admins', ['ADMIN']);
    const register = async (name: string, acronym: string, kind: string) => (await calls.ok(REGISTER, { name, acronym, kind }, admin)).id;
    org.mission = await register('Mission multidimensionnelle intégrée des Nations Unies au Mali (bureau de Gao)', 'MINUSMA', 'PEACEKEEPING_MISSION');
    org.wfp = await register('World Food Programme', 'WFP', 'UN_AGENCY');
    org.gov = await register('Gouvernorat de la région de Gao', 'GOUV-GAO', 'HOST_GOVERNMENT');
    token.mission = await platform.token(org.mission, ['LIAISON_OFFICER'], 'minusma-liaison');
    token.gov = await platform.token(org.gov, ['GOVERNMENT_COUNTERPART'], 'gouv-gao-plan');
    await calls.read('{ organizations { id } }', {}, token.gov, last);

    planId = (
      await calls.ok(DRAFT, { title: 'Plan de réponse Ansongo', counterpartId: org.gov, adminCode: 'ML07', periodStart: day(-30), periodEnd: day(90) }, token.mission)
    ).id;
    await calls.ok(
      ADD,
      {
        planId,
        description: 'Distribute sorghum in Ansongo',
        responsibleId: org.wfp,
        sector: 'FOOD_SECURITY',
        adminCode: 'ML0701',
        startDate: day(0),
        dueDate: day(30),
        indicator: { name: 'Households reached', unit: 'households', baseline: 0, target: 1200 },
      },
      token.mission,
    );
    // Already late when the plan is reviewed: the page marks it overdue.
    await calls.ok(
      ADD,
      { planId, description: 'Rehabilitate the Ansongo health post', responsibleId: org.mission, sector: 'HEALTH', adminCode: 'ML0701', startDate: day(-20), dueDate: day(-1) },
      token.mission,
    );
    await calls.ok(SUBMIT, { planId }, token.mission);
    browser = await launchBrowser();
  });

  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    await closeBrowsers(browser);
    await platform?.close();
  });

  it('the counterpart requests changes with a comment, the lead revises and resubmits, the counterpart approves', async () => {
    const counterpart = await signedInPage(org.gov, ['GOVERNMENT_COUNTERPART'], 'gouv-gao-plan', '#/plans');
    await counterpart.getByRole('heading', { level: 1, name: 'Action plans' }).waitFor();
    await counterpart.getByLabel('Status').selectOption('SUBMITTED');
    await counterpart.getByRole('link', { name: 'Plan de réponse Ansongo' }).click();
    await counterpart.getByRole('heading', { level: 1, name: 'Plan de réponse Ansongo' }).waitFor();
    const status = counterpart.locator('.plan-facts .plan-status');
    await expect(status.textContent()).resolves.toBe('Submitted');
    await counterpart.getByRole('cell', { name: 'Distribute sorghum in Ansongo', exact: true }).waitFor();
    const late = counterpart.getByRole('row').filter({ hasText: 'Rehabilitate the Ansongo health post' });
    await expect(late.textContent()).resolves.toContain('⚠ Overdue');
    expect(await counterpart.getByRole('row').filter({ hasText: 'Distribute sorghum in Ansongo' }).textContent()).not.toContain('Overdue');
    await expectNoSeriousAxeViolations(counterpart);

    // A request for changes without a comment is refused before it leaves the page.
    const requestChanges = counterpart.getByRole('button', { name: 'Request changes' });
    await requestChanges.click();
    await counterpart.getByRole('alert').filter({ hasText: 'This field is required.' }).waitFor();
    await counterpart.getByRole('textbox', { name: 'Comment', exact: true }).fill('Add a WASH action for the Tin-Hama borehole');
    await requestChanges.click();
    const comments = counterpart.getByRole('region', { name: 'Review comments' });
    await comments.getByRole('listitem').filter({ hasText: 'Add a WASH action for the Tin-Hama borehole' }).filter({ hasText: 'Changes requested' }).waitFor();
    await counterpart.locator('.plan-facts .plan-status', { hasText: 'Changes requested' }).waitFor();
    // Nothing left to review until the lead resubmits.
    expect(await counterpart.getByRole('button', { name: 'Approve plan' }).count()).toBe(0);

    // The lead revises in its own browser: adds the action asked for and resubmits.
    const lead = await signedInPage(org.mission, ['LIAISON_OFFICER'], 'minusma-liaison', `#/plans/${planId}`);
    await lead.getByRole('region', { name: 'Review comments' }).getByRole('listitem').filter({ hasText: 'Add a WASH action for the Tin-Hama borehole' }).waitFor();
    const addAction = lead.getByRole('form', { name: 'Add an action' });
    await addAction.getByLabel('Description').fill('Repair the Tin-Hama borehole');
    await addAction.getByLabel('Responsible organisation').selectOption({ label: 'WFP — World Food Programme' });
    await addAction.getByLabel('Sector').selectOption('WASH');
    await addAction.getByLabel('Place (P-code)').fill('ML0701');
    await addAction.getByRole('button', { name: 'Add action' }).click();
    await lead.getByRole('cell', { name: 'Repair the Tin-Hama borehole', exact: true }).waitFor();
    // And raises the first action's target.
    await lead.getByText('Change “Distribute sorghum in Ansongo”').click();
    const amendFirst = lead.locator('details', { hasText: 'Change “Distribute sorghum in Ansongo”' });
    await amendFirst.getByLabel('Target').fill('1500');
    await amendFirst.getByRole('button', { name: 'Save action' }).click();
    await lead.getByRole('cell', { name: /target 1,500/ }).waitFor();
    await lead.getByRole('button', { name: 'Submit for review' }).click();
    await lead.locator('.plan-facts .plan-status', { hasText: 'Submitted' }).waitFor();

    // The counterpart's open page follows the plan live: the new action and the resubmission.
    await counterpart.getByRole('cell', { name: 'Repair the Tin-Hama borehole', exact: true }).waitFor();
    await counterpart.locator('.plan-facts .plan-status', { hasText: 'Submitted' }).waitFor();
    const changes = counterpart.getByRole('region', { name: 'Changes since' });
    await changes.getByRole('listitem').filter({ hasText: 'Action added' }).filter({ hasText: 'Repair the Tin-Hama borehole' }).waitFor();
    await changes.getByRole('listitem').filter({ hasText: 'Action amended' }).filter({ hasText: 'Distribute sorghum in Ansongo' }).waitFor();
    await changes.getByRole('listitem').filter({ hasText: 'Plan submitted' }).first().waitFor();

    await counterpart.getByRole('textbox', { name: 'Comment', exact: true }).fill('Approved for the first quarter');
    await counterpart.getByRole('button', { name: 'Approve plan' }).click();
    await counterpart.locator('.plan-facts .plan-status', { hasText: 'Approved' }).waitFor();
    await comments.getByRole('listitem').filter({ hasText: 'Approved for the first quarter' }).filter({ hasText: 'Approved' }).waitFor();
    expect(await counterpart.getByRole('button', { name: 'Approve plan' }).count()).toBe(0);
    await expectNoSeriousAxeViolations(counterpart);

    expect(pageErrors.flat()).toEqual([]);
    const plan = await calls.read(PLAN, { id: planId }, token.gov, last);
    expect(plan).toMatchObject({
      status: 'APPROVED',
      actions: [
        { description: 'Distribute sorghum in Ansongo', indicator: { target: 1500 } },
        { description: 'Rehabilitate the Ansongo health post' },
        { description: 'Repair the Tin-Hama borehole' },
      ],
      reviewComments: [
        { verdict: 'CHANGES_REQUESTED', text: 'Add a WASH action for the Tin-Hama borehole', author: { id: org.gov } },
        { verdict: 'APPROVED', text: 'Approved for the first quarter', author: { id: org.gov } },
      ],
    });
  });

  it('lets the responsible organisation report progress on its action of the approved plan, and only on its own', async () => {
    const wfp = await signedInPage(org.wfp, ['AGENCY_OFFICER'], 'wfp-gao', `#/plans/${planId}`);
    await wfp.locator('.plan-facts .plan-status', { hasText: 'Approved' }).waitFor();
    await wfp.getByText('Report progress on “Distribute sorghum in Ansongo”').click();
    const report = wfp.locator('details', { hasText: 'Report progress on “Distribute sorghum in Ansongo”' });
    await report.getByLabel('New status').selectOption('IN_PROGRESS');
    await report.getByLabel('Actual value (households)').fill('300');
    await report.getByLabel('Note').fill('First round done in Tin-Hama');
    await report.getByRole('button', { name: 'Report progress' }).click();
    await report.getByRole('status').filter({ hasText: 'Progress reported.' }).waitFor();
    const row = wfp.getByRole('row').filter({ hasText: 'Distribute sorghum in Ansongo' });
    await row.filter({ hasText: 'actual 300' }).filter({ hasText: 'In progress' }).filter({ hasText: 'First round done in Tin-Hama' }).waitFor();
    // The mission's health post is not WFP's to report on.
    expect(await wfp.getByText('Report progress on “Rehabilitate the Ansongo health post”').count()).toBe(0);
    await expectNoSeriousAxeViolations(wfp);
  });

  it('shows the lead no review buttons, and the server refuses the lead an approval', async () => {
    const lead = await signedInPage(org.mission, ['LIAISON_OFFICER'], 'minusma-liaison', `#/plans/${planId}`);
    await lead.getByRole('heading', { level: 1, name: 'Plan de réponse Ansongo' }).waitFor();
    await lead.getByRole('button', { name: 'Close plan' }).waitFor();
    expect(await lead.getByRole('button', { name: 'Approve plan' }).count()).toBe(0);
    expect(await lead.getByRole('button', { name: 'Request changes' }).count()).toBe(0);
    const refused = await platform.graphql(mutation('approveActionPlan', 'ApproveActionPlanInput'), { input: { planId } }, { token: token.mission });
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

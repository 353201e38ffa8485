/**
 * Translations and version history on the real local engines: Chinese (with
 * characters outside the BMP and full-width punctuation) and English are
 * stored and read back byte for byte, in the language each reader asks for.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stableJson } from '#domain/stable-json.ts';
import { briefingInput, sourceText } from '#test/support/fixtures.ts';
import { api, approveAutoPublish, type LocalStack, startTestStack, tokenFor } from './harness.ts';

// This publisher lets rules publish from grade D (the floor is the stage's configuration; B/C unless set): one direct source is enough here.
process.env['AUTO_PUBLISH_FLOOR'] = 'D';

let stack: LocalStack;
let analyst = '';
let editor = '';

beforeAll(async () => {
  stack = await startTestStack();
  [analyst, editor] = await Promise.all([tokenFor(stack, ['analysts']), tokenFor(stack, ['editors'])]);
});
afterAll(() => stack?.stop());

const en = briefingInput().sections;
const zh = {
  ...en,
  headline: 'Acme暂停北部光纤建设：许可纠纷持续（𠮷野家、𩸽与😀均须原样保存）',
  coverage: 'Acme因区域连接中的运营依赖信号而被纳入跟踪。',
  publishedReporting: 'Acme表示将暂停施工两个季度！暂停源于许可纠纷？「官方声明」尚未发布。',
  signalBrief: { ...en.signalBrief, signal: '建设暂停——𠀋' },
  operatingSurface: { affectedParties: ['区域互联网服务商'], operatingSurface: '回传线路', marketExposure: '批发容量' },
  whatToWatch: ['地区主管机关的许可裁决；'],
  trendContext: '区域光纤建设放缓，资本开支趋于谨慎。',
};
const headline = (body: { sections: Array<{ name: string; content?: unknown }> }) => body.sections.find((s) => s.name === 'headline')!.content;
const contentOf = (body: { sections: Array<{ name: string; content?: unknown }> }, name: string) =>
  body.sections.find((s) => s.name === name)!.content;

describe('a briefing in English and Chinese', () => {
  let briefingId = '';

  it('stores both and gives staff each one back byte for byte', async () => {
    const created = await api(stack, 'POST', '/briefings', {
      token: analyst,
      body: { ...briefingInput({ autoPublish: { minGrade: 'D' } }), translations: { zh } },
    });
    expect(created.status).toBe(201);
    briefingId = created.body.briefingId;
    expect(created.body.availableLanguages).toEqual(['en', 'zh']);

    const asZh = await api(stack, 'GET', `/briefings/${briefingId}?lang=zh`, { token: analyst });
    expect(asZh.status).toBe(200);
    expect(asZh.headers.get('content-language')).toBe('zh');
    for (const name of ['headline', 'coverage', 'publishedReporting', 'signalBrief', 'operatingSurface', 'whatToWatch', 'trendContext'] as const) {
      expect(Buffer.from(stableJson(contentOf(asZh.body, name))), name).toEqual(Buffer.from(stableJson(zh[name])));
    }
    const asEn = await api(stack, 'GET', `/briefings/${briefingId}`, { token: analyst });
    expect(Buffer.from(String(headline(asEn.body)))).toEqual(Buffer.from(en.headline));
    // The analyst's rule is a proposal until an editor approves it.
    expect((await approveAutoPublish(stack, editor, briefingId, 'D')).status).toBe(200);
  });

  it('serves anonymous readers the Chinese public sections once published, by Accept-Language', async () => {
    const added = await api(stack, 'POST', '/sources', {
      token: analyst,
      body: {
        briefingId,
        url: 'https://acme.example.com/press/pause',
        publisher: 'Acme',
        kind: 'direct',
        title: 'Acme statement',
        excerpt: sourceText(7),
      },
    });
    expect(added.status).toBe(201);
    await stack.bus.waitFor(
      (e) => e.envelope['detail-type'] === 'Briefing Published' && (e.envelope.detail as { briefingId: string }).briefingId === briefingId,
    );

    const res = await api(stack, 'GET', `/briefings/${briefingId}`, { headers: { 'accept-language': 'zh-CN,zh;q=0.9,en;q=0.5' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-language')).toBe('zh');
    expect(res.headers.get('vary')).toBe('authorization, accept-language');
    expect(res.headers.get('etag')).toMatch(/-public-zh"$/);
    expect(Buffer.from(String(headline(res.body)))).toEqual(Buffer.from(zh.headline));
    expect(res.body.sections.find((s: { name: string }) => s.name === 'trendContext')).toMatchObject({ locked: true });
    expect(res.text).not.toContain(zh.trendContext);
  });

  it('keeps each editorial action in the history, with the text as it was', async () => {
    const current = await api(stack, 'GET', `/briefings/${briefingId}`, { token: analyst });
    const edited = await api(stack, 'PATCH', `/briefings/${briefingId}`, {
      token: analyst,
      headers: { 'if-match': current.headers.get('etag')! },
      body: { translations: { zh: { ...zh, headline: '新标题：𠮷' } } },
    });
    expect(edited.status).toBe(200);

    const history = await api(stack, 'GET', `/briefings/${briefingId}/versions`, { token: editor });
    expect(history.status).toBe(200);
    // created by the analyst, its rule approved by the editor (edited), published by the rule, then the analyst's edit waits (proposed).
    expect(history.body.versions.map((v: { action: string }) => v.action)).toEqual(['proposed', 'published', 'edited', 'created']);
    expect(edited.body.pendingRevision.translations.zh.headline).toBe('新标题：𠮷');
    const first = history.body.versions.at(-1);
    const snapshot = await api(stack, 'GET', `/briefings/${briefingId}/versions/${first.version}`, { token: editor });
    expect(snapshot.status).toBe(200);
    expect(Buffer.from(snapshot.body.translations.zh.headline)).toEqual(Buffer.from(zh.headline));
    const latest = await api(stack, 'GET', `/briefings/${briefingId}/versions/${history.body.versions[0].version}`, { token: editor });
    expect(latest.body.translations.zh.headline).toBe('新标题：𠮷');

    expect((await api(stack, 'GET', `/briefings/${briefingId}/versions`)).status).toBe(401);
    expect((await api(stack, 'GET', `/briefings/${briefingId}/versions/zero`, { token: editor })).status).toBe(400);
  });
});

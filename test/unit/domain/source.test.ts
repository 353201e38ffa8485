import { describe, expect, it } from 'vitest';
import { ValidationError } from '#domain/errors.ts';
import { nearDuplicate } from '#domain/fingerprint.ts';
import { canonicalUrl, evidenceOf, newSource, SourceInput, sourceIdFor } from '#domain/source.ts';
import { NOW } from '#test/support/fixtures.ts';
import { WIRE_EN, WIRE_EN_COPY } from '#test/support/texts.ts';

describe('canonicalUrl', () => {
  const canonical = 'https://example.com/news/scale-ai-cuts';

  it.each([
    'https://example.com/news/scale-ai-cuts',
    'HTTPS://Example.COM/news/scale-ai-cuts',
    'https://www.example.com/news/scale-ai-cuts/',
    'https://example.com:443/news/scale-ai-cuts',
    'http://example.com:80/news/scale-ai-cuts',
    'http://example.com/news/scale-ai-cuts',
    'https://example.com/news/scale-ai-cuts#comments',
    'https://example.com/news/scale-ai-cuts?utm_source=x&utm_medium=social&fbclid=abc',
    'https://example.com/news/scale-ai-cuts?gclid=1&msclkid=2&mc_cid=3&igshid=4&_ga=5&spm=a.b.c',
    // AMP variants
    'https://example.com/news/scale-ai-cuts/amp',
    'https://example.com/news/scale-ai-cuts/amp/',
    'https://example.com/amp/news/scale-ai-cuts',
    'https://amp.example.com/news/scale-ai-cuts',
    'https://example.com/news/scale-ai-cuts?amp=1',
    'https://example.com/news/scale-ai-cuts?outputType=amp',
    'https://example-com.cdn.ampproject.org/c/s/example.com/news/scale-ai-cuts',
    'https://www.google.com/amp/s/www.example.com/news/scale-ai-cuts',
  ])('%s is the same source', (url) => {
    expect(canonicalUrl(url)).toBe(canonical);
  });

  it('folds an .amp.html page onto its .html page', () => {
    expect(canonicalUrl('https://example.com/news/story.amp.html')).toBe('https://example.com/news/story.html');
  });

  it('keeps query parameters that identify content, in a stable order', () => {
    expect(canonicalUrl('https://example.com/a?b=2&a=1&utm_campaign=z')).toBe('https://example.com/a?a=1&b=2');
    expect(canonicalUrl('https://example.com/a?outputType=print')).toBe('https://example.com/a?outputType=print');
  });

  it.each([
    // mobile hosts
    'https://m.example.com/news/scale-ai-cuts',
    'https://mobile.example.com/news/scale-ai-cuts',
    'https://m.example.com/news/scale-ai-cuts/amp',
    // messaging apps and share buttons
    'https://example.com/news/scale-ai-cuts?from=singlemessage&isappinstalled=0',
    'https://example.com/news/scale-ai-cuts?from=groupmessage',
    'https://example.com/news/scale-ai-cuts?share=1&ref=whatsapp',
    'https://example.com/news/scale-ai-cuts?cmpid=tg&share_source=telegram&sharer_shareid=9',
    'https://m.example.com/news/scale-ai-cuts?igsh=1&mibextid=2&smid=nytcore-ios-share',
    // what normalize-url adds: duplicate slashes, unreserved escapes, credentials, text fragments
    'https://example.com//news//scale-ai-cuts',
    'https://example.com/news/scale%2Dai%2Dcuts',
    'https://user:secret@example.com/news/scale-ai-cuts',
    'https://example.com/news/scale-ai-cuts#:~:text=Scale',
  ])('%s (mobile, share or spelling variant) is the same source', (url) => {
    expect(canonicalUrl(url)).toBe(canonical);
  });

  it.each([
    ['https://x.com/scale_ai/status/1900?s=46&t=AbC', 'https://x.com/scale_ai/status/1900'],
    ['https://mobile.twitter.com/scale_ai/status/1900?s=20', 'https://twitter.com/scale_ai/status/1900'],
    ['https://m.youtube.com/watch?v=abc&si=Share1&feature=shared&t=30', 'https://youtube.com/watch?t=30&v=abc'],
    ['https://youtu.be/abc?si=Share1', 'https://youtu.be/abc'],
    [
      'https://mp.weixin.qq.com/s?__biz=MzA5&mid=22&idx=1&sn=ab12&chksm=8f&scene=21&mpshare=1&srcid=0716&from=timeline#rd',
      'https://mp.weixin.qq.com/s?__biz=MzA5&idx=1&mid=22&sn=ab12',
    ],
  ])('drops the share parameters of one site on its own hosts: %s', (url, expected) => {
    expect(canonicalUrl(url)).toBe(expected);
  });

  it('keeps parameters that only look like share parameters elsewhere', () => {
    expect(canonicalUrl('https://example.com/search?s=scale+ai&si=2')).toBe('https://example.com/search?s=scale+ai&si=2');
    expect(canonicalUrl('https://example.com/a?from=2025-07-01')).toBe('https://example.com/a?from=2025-07-01');
    expect(canonicalUrl('https://m.co/news')).toBe('https://m.co/news');
  });

  it('keeps the id of every URL that was already canonical (stored ids do not move)', () => {
    // Ids computed by the canonicalisation before normalize-url; sources stored under them must still be found.
    const stored = {
      'https://example.com/news/scale-ai-cuts': '7Oh_SW1CB341VG6kCGjPkL',
      'https://example.com/': 'DxFdsGK3wN0DCxaHjJnepc',
      'https://example.com/a?a=1&b=2': 'BRAptqE_xmhuRSNCfgOzoX',
      'https://example.com/search?q=scale+ai': 'tjFIXw0Q0OIrGBpbbbTDyw',
      'https://example.com/a?url=https%3A%2F%2Fx.y%2Fz': 'qi1qtjinikJ1x3tlv1vPnG',
      'https://example.com/%E4%B8%AD%E6%96%87': '8y6EY6hZeXAwdXonmI0LvN',
      'https://36kr.com/demo/scale-ai-caiyuan': 'BIO2LNK0zngdbhoARxQnKw',
      'https://mp.weixin.qq.com/s?__biz=MzA5&idx=1&mid=22&sn=ab12': 'j5wekMLcsimGWQyPkuJ3jm',
      'https://x.com/demo/status/1900000000000000000': 'jxAigQVs1OEyonsugDfqH2',
    };
    for (const [url, id] of Object.entries(stored)) {
      expect(canonicalUrl(url)).toBe(url);
      expect(sourceIdFor(canonicalUrl(url))).toBe(id);
    }
  });

  it('tells different articles apart', () => {
    expect(sourceIdFor(canonicalUrl('https://example.com/a'))).not.toBe(sourceIdFor(canonicalUrl('https://example.com/b')));
    expect(canonicalUrl('https://example.com/amplify')).toBe('https://example.com/amplify');
  });
});

describe('SourceInput', () => {
  const valid = {
    briefingId: 'b-1',
    url: 'https://example.com/a',
    publisher: 'Example',
    kind: 'reporting',
    title: 'A story',
    excerpt: 'Acme paused its fibre build.',
  };

  it('accepts a minimal source and defaults stance and language', () => {
    expect(SourceInput.parse(valid)).toMatchObject({ stance: 'supports', language: 'en' });
  });

  it('accepts the full evidence record', () => {
    const full = {
      ...valid,
      text: WIRE_EN,
      stance: 'contradicts',
      kind: 'direct',
      language: 'zh-Hans',
      publishedAt: '2026-06-19T08:00:00+08:00',
      retrievedAt: '2026-06-20T07:00:00Z',
      reliability: { grade: 'C', reason: 'new outlet without a track record' },
      credibility: 3,
    };
    expect(SourceInput.parse(full)).toMatchObject({ reliability: { grade: 'C' }, credibility: 3 });
  });

  it.each([
    [{ kind: 'rumour' }, 'kind'],
    [{ url: 'ftp://example.com/a' }, 'url'],
    [{ url: 'not a url' }, 'url'],
    [{ title: '   ' }, 'title'],
    [{ excerpt: '   ' }, 'excerpt'],
    [{ excerpt: undefined }, 'text'],
    [{ text: '' }, 'text'],
    [{ publishedAt: '20 June 2026' }, 'publishedAt'],
    [{ retrievedAt: '2026-06-20T08:00:00' }, 'retrievedAt'],
    [{ reliability: { grade: 'G', reason: 'x' } }, 'reliability.grade'],
    [{ reliability: { grade: 'A' } }, 'reliability.reason'],
    [{ reliability: { grade: 'A', reason: ' ' } }, 'reliability.reason'],
    [{ credibility: 7 }, 'credibility'],
    [{ credibility: 'A' }, 'credibility'],
    [{ score: 1 }, ''],
  ])('rejects %j at the field that is wrong', (change, path) => {
    const result = SourceInput.safeParse({ ...valid, ...change });
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((i) => i.path.join('.'))).toContain(path);
  });
});

describe('newSource', () => {
  const input = (extra: Record<string, unknown> = {}) =>
    SourceInput.parse({
      briefingId: 'b-1',
      url: 'https://example.com/a?utm_source=x',
      publisher: 'Example',
      kind: 'reporting',
      title: 'A',
      text: WIRE_EN,
      ...extra,
    });
  const issuesOf = (fn: () => unknown) => {
    try {
      fn();
    } catch (error) {
      expect(error).toBeInstanceOf(ValidationError);
      return (error as ValidationError).issues;
    }
    throw new Error('expected a ValidationError');
  };

  it('stores the canonical URL, the fingerprint of the text and the excerpt, not the text', () => {
    const s = newSource(input({ excerpt: 'Scale AI cuts 14% of staff.' }), 'analyst-1', NOW);
    expect(s).toMatchObject({ canonicalUrl: 'https://example.com/a', excerpt: 'Scale AI cuts 14% of staff.', retrievedAt: NOW.toISOString() });
    expect(s).not.toHaveProperty('text');
    expect(JSON.stringify(s).length).toBeLessThan(2000);
    const copy = newSource(input({ url: 'https://other.example.org/b', text: WIRE_EN_COPY }), 'analyst-1', NOW);
    expect(nearDuplicate(s.fingerprint!, copy.fingerprint!)).toBe(true);
  });

  it('fingerprints the excerpt when there is no text', () => {
    const s = newSource(input({ text: undefined, excerpt: WIRE_EN }), 'analyst-1', NOW);
    const t = newSource(input(), 'analyst-1', NOW);
    expect(s.fingerprint).toEqual(t.fingerprint);
  });

  it.each([
    [{ publishedAt: '2026-06-21T08:00:00Z' }, [{ pointer: '#/publishedAt', detail: 'must not be in the future' }]],
    [{ retrievedAt: '2026-06-20T09:00:00Z' }, [{ pointer: '#/retrievedAt', detail: 'must not be in the future' }]],
    [
      { publishedAt: '2026-06-10T00:00:00Z', retrievedAt: '2026-06-01T00:00:00Z' },
      [{ pointer: '#/retrievedAt', detail: 'must not be before publishedAt' }],
    ],
  ])('refuses dates that `now` rules out: %j', (dates, issues) => {
    expect(issuesOf(() => newSource(input(dates), 'analyst-1', NOW))).toEqual(issues);
  });

  it('allows a few minutes of clock skew', () => {
    expect(() => newSource(input({ retrievedAt: '2026-06-20T08:04:00Z' }), 'analyst-1', NOW)).not.toThrow();
  });

  it('hands scoring the evidence without the text: provenance instead, and no analyst-typed retrieval time', () => {
    const s = newSource(input({ reliability: { grade: 'A', reason: 'wire' }, credibility: 2, publishedAt: '2026-06-01T00:00:00Z' }), 'a', NOW);
    expect(evidenceOf(s)).toEqual({
      sourceId: s.sourceId,
      kind: 'reporting',
      stance: 'supports',
      reliability: 'A',
      credibility: 2,
      publishedAt: '2026-06-01T00:00:00Z',
      credits: ['document:memo'],
      fingerprint: s.fingerprint,
      line: expect.stringMatching(/^(publisher|outlet|group):/),
      sourcing: 'unspecified',
      label: 'Example',
    });
    const { retrievedAt: _r, fingerprint: _f, ...legacy } = s;
    expect(evidenceOf(legacy)).not.toHaveProperty('fingerprint');
    expect(evidenceOf(legacy)).not.toHaveProperty('retrievedAt');
  });
});

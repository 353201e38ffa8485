import { describe, expect, it } from 'vitest';
import { canonicalUrl, SourceInput, sourceIdFor } from '../../../domain/source.ts';

describe('canonicalUrl', () => {
  const canonical = 'https://example.com/news/scale-ai-cuts';

  it.each([
    'https://example.com/news/scale-ai-cuts',
    'HTTPS://Example.COM/news/scale-ai-cuts',
    'https://www.example.com/news/scale-ai-cuts/',
    'https://example.com:443/news/scale-ai-cuts',
    'http://example.com/news/scale-ai-cuts',
    'https://example.com/news/scale-ai-cuts#comments',
    'https://example.com/news/scale-ai-cuts?utm_source=x&utm_medium=social&fbclid=abc',
    'https://example.com/news/scale-ai-cuts/amp',
  ])('%s is the same source', (url) => {
    expect(canonicalUrl(url)).toBe(canonical);
  });

  it('keeps query parameters that identify content, in a stable order', () => {
    expect(canonicalUrl('https://example.com/a?b=2&a=1&utm_campaign=z')).toBe('https://example.com/a?a=1&b=2');
  });

  it('tells different articles apart', () => {
    expect(sourceIdFor(canonicalUrl('https://example.com/a'))).not.toBe(sourceIdFor(canonicalUrl('https://example.com/b')));
  });
});

describe('SourceInput', () => {
  const valid = { briefingId: 'b-1', url: 'https://example.com/a', publisher: 'Example', kind: 'reporting', title: 'A story' };

  it('accepts a minimal source and defaults stance and language', () => {
    expect(SourceInput.parse(valid)).toMatchObject({ stance: 'supports', language: 'en' });
  });

  it.each([
    [{ kind: 'rumour' }, 'kind'],
    [{ url: 'ftp://example.com/a' }, 'url'],
    [{ url: 'not a url' }, 'url'],
    [{ title: '   ' }, 'title'],
    [{ score: 1 }, ''],
  ])('rejects %j at the field that is wrong', (change, path) => {
    const result = SourceInput.safeParse({ ...valid, ...change });
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((i) => i.path.join('.'))).toContain(path);
  });
});

import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../electron/api/errors.js';
import { createApi } from '../../renderer/src/api/client.js';
import { createHttpInvoke, decodeHttpResponse, type FetchLike } from '../../renderer/src/api/http.js';
import { extractToken, takeToken, TOKEN_STORAGE_KEY } from '../../renderer/src/api/token.js';
import { projectFileName, siblingPath } from '../../renderer/src/api/paths.js';

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json; charset=utf-8' } });

function stubFetch(res: () => Response | Promise<Response>) {
  const calls: { url: string; init: RequestInit }[] = [];
  const fetch: FetchLike = vi.fn(async (url: string, init: RequestInit) => {
    calls.push({ url, init });
    return res();
  });
  return { fetch, calls };
}

describe('browser-mode HTTP transport', () => {
  it('POSTs /api/<method> with the token header and the JSON argument object', async () => {
    const { fetch, calls } = stubFetch(() => json({ ok: true, value: { type: 'FeatureCollection', features: [] } }));
    const api = createApi(createHttpInvoke({ fetch, token: 'tok123' }));
    const fc = await api.getLayer({ layer: 'villages' });
    expect(fc).toEqual({ type: 'FeatureCollection', features: [] });
    expect(calls).toHaveLength(1);
    expect(calls[0].url).toBe('/api/getLayer');
    expect(calls[0].init.method).toBe('POST');
    const headers = calls[0].init.headers as Record<string, string>;
    expect(headers['X-CCP-Token']).toBe('tok123');
    expect(headers['Content-Type']).toBe('application/json');
    expect(JSON.parse(calls[0].init.body as string)).toEqual({ layer: 'villages' });
  });

  it('turns a failed ApiResult into a thrown ApiError with code and params', async () => {
    const { fetch } = stubFetch(() =>
      json({ ok: false, error: { code: 'FILE_NOT_FOUND', message: 'nope', params: { path: 'D:\\a.gpkg' } } }, 422),
    );
    const api = createApi(createHttpInvoke({ fetch, token: 't' }));
    const err = await api.openProject({ path: 'D:\\a.gpkg' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).code).toBe('FILE_NOT_FOUND');
    expect((err as ApiError).params).toEqual({ path: 'D:\\a.gpkg' });
  });

  it('reads a 401 with an ApiResult body as UNAUTHORIZED', async () => {
    const r = await decodeHttpResponse(json({ ok: false, error: { code: 'UNAUTHORIZED', message: 'bad token', params: {} } }, 401));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('UNAUTHORIZED');
  });

  it('maps a bare 401 without a JSON body to UNAUTHORIZED too', async () => {
    const r = await decodeHttpResponse(new Response('401', { status: 401, headers: { 'Content-Type': 'text/plain' } }));
    expect(r.ok === false && r.error.code).toBe('UNAUTHORIZED');
  });

  it('returns octet-stream bodies as Uint8Array (tiles)', async () => {
    const bytes = new Uint8Array([0x1a, 0x02, 0xff, 0x00]);
    const { fetch } = stubFetch(() => new Response(bytes, { status: 200, headers: { 'Content-Type': 'application/octet-stream' } }));
    const api = createApi(createHttpInvoke({ fetch, token: 't' }));
    const tile = await api.getTile({ z: 10, x: 800, y: 400 });
    expect(tile).toBeInstanceOf(Uint8Array);
    expect([...tile!]).toEqual([0x1a, 0x02, 0xff, 0x00]);
  });

  it('returns null for 204 No Content', async () => {
    const { fetch } = stubFetch(() => new Response(null, { status: 204 }));
    const api = createApi(createHttpInvoke({ fetch, token: 't' }));
    expect(await api.getTile({ z: 1, x: 0, y: 0 })).toBeNull();
    expect(await api.getProjectSummary({})).toBeNull();
  });

  it('reports a network failure as an INTERNAL ApiError, not an unhandled TypeError', async () => {
    const fetch: FetchLike = async () => {
      throw new TypeError('Failed to fetch');
    };
    const err = await createApi(createHttpInvoke({ fetch, token: 't' }))
      .getAppInfo({})
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).code).toBe('INTERNAL');
    expect(String((err as ApiError).params.detail)).toContain('Failed to fetch');
  });

  it('rejects a JSON body that is not an ApiResult', async () => {
    const r = await decodeHttpResponse(json({ hello: 1 }));
    expect(r.ok).toBe(false);
    const r500 = await decodeHttpResponse(new Response('<html>oops</html>', { status: 500, headers: { 'Content-Type': 'text/html' } }));
    expect(r500.ok === false && r500.error.code).toBe('INTERNAL');
  });

  it('sends no token header when there is no token', async () => {
    const { fetch, calls } = stubFetch(() => json({ ok: true, value: null }));
    await createApi(createHttpInvoke({ fetch, token: null })).getSettings({});
    expect((calls[0].init.headers as Record<string, string>)['X-CCP-Token']).toBeUndefined();
  });

  it('is not mistaken for a promise (await api resolves to the api itself)', async () => {
    const api = createApi(async () => ({ ok: true, value: 1 }));
    const awaited = await Promise.resolve(api);
    expect(awaited).toBe(api);
  });
});

describe('session token', () => {
  it('takes the token out of the address, keeping path, other params and hash', () => {
    expect(extractToken('http://127.0.0.1:5173/?token=abc&x=1#map')).toEqual({ token: 'abc', cleanUrl: '/?x=1#map' });
    expect(extractToken('http://127.0.0.1:5173/index.html?token=abc')).toEqual({ token: 'abc', cleanUrl: '/index.html' });
    expect(extractToken('http://127.0.0.1:5173/').token).toBeNull();
  });

  it('stores it for reloads and falls back to the stored token', () => {
    const store = new Map<string, string>();
    const storage = { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => void store.set(k, v) };
    const replaced: string[] = [];
    const first = takeToken({ href: 'http://127.0.0.1:1/?token=s3cret', storage, replaceUrl: (u) => replaced.push(u) });
    expect(first).toBe('s3cret');
    expect(store.get(TOKEN_STORAGE_KEY)).toBe('s3cret');
    expect(replaced).toEqual(['/']);
    const reload = takeToken({ href: 'http://127.0.0.1:1/', storage, replaceUrl: (u) => replaced.push(u) });
    expect(reload).toBe('s3cret');
    expect(replaced).toHaveLength(1);
  });
});

describe('save-as paths', () => {
  it('suggests <project>.gpkg in the folder of the last path', () => {
    expect(projectFileName('示例县')).toBe('示例县.gpkg');
    expect(projectFileName('a.GPKG')).toBe('a.GPKG');
    expect(projectFileName('')).toBe('project.gpkg');
    expect(siblingPath('D:\\规划\\旧.gpkg', '示例县.gpkg')).toBe('D:\\规划\\示例县.gpkg');
    expect(siblingPath('/home/a/b.gpkg', 'c.gpkg')).toBe('/home/a/c.gpkg');
    expect(siblingPath('', 'c.gpkg')).toBe('c.gpkg');
  });
});

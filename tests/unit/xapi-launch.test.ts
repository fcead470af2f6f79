import { readCmi5Launch } from '../../src/runtime/tracking/cmi5-launch';
import { normaliseActor, readTinCanLaunch } from '../../src/runtime/tracking/xapi-launch';

const REG = '760e3480-ba55-4991-94b0-01820dbd23a2';
const qs = (o: Record<string, string>) => `?${new URLSearchParams(o)}`;

test('Tin Can launch: endpoint, auth verbatim, actor, registration, activity_id, grouping', () => {
  const launch = readTinCanLaunch(qs({ endpoint: 'https://lrs.example.org/xapi/', auth: 'Basic dTpw', actor: '{"mbox":"mailto:a@example.org","name":"A"}', registration: REG, activity_id: 'https://example.org/c', grouping: 'https://example.org/program' }));
  expect(launch).toEqual({ endpoint: 'https://lrs.example.org/xapi/', auth: 'Basic dTpw', actor: { objectType: 'Agent', name: 'A', mbox: 'mailto:a@example.org' }, registration: REG, activityId: 'https://example.org/c', grouping: 'https://example.org/program' });
});

test('0.95 actors (every property an array, old account names) become 1.0 agents with one identifier', () => {
  expect(normaliseActor({ name: ['Ana'], mbox: ['mailto:ana@example.org'] })).toEqual({ objectType: 'Agent', name: 'Ana', mbox: 'mailto:ana@example.org' });
  expect(normaliseActor({ name: ['Ana'], account: [{ accountServiceHomePage: 'https://lms.example.org', accountName: '42' }] })).toEqual({ objectType: 'Agent', name: 'Ana', account: { homePage: 'https://lms.example.org', name: '42' } });
  expect(normaliseActor({ mbox: 'ana@example.org', account: { homePage: 'https://x', name: 'y' } })).toEqual({ objectType: 'Agent', mbox: 'mailto:ana@example.org' });
  expect(normaliseActor({ name: 'No identifier' })).toBeUndefined();
});

test('no endpoint or actor: not a Tin Can launch; a registration that is not a UUID is dropped, not sent', () => {
  expect(readTinCanLaunch('')).toBeUndefined();
  expect(readTinCanLaunch(qs({ endpoint: 'https://lrs.example.org/', actor: 'not json' }))).toBeUndefined();
  const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
  expect(readTinCanLaunch(qs({ endpoint: 'https://lrs.example.org/', actor: '{"mbox":"mailto:a@example.org"}', registration: 'abc' }))?.registration).toBeUndefined();
  expect(warn).toHaveBeenCalled();
  warn.mockRestore();
});

test('cmi5 launch: the five parameters in any order; all are required', () => {
  const params = { activityId: 'https://lms.example.org/a/1', registration: REG, fetch: 'https://lms.example.org/fetch?k=1', endpoint: 'https://lrs.example.org/', actor: '{"objectType":"Agent","account":{"homePage":"https://lms.example.org","name":"7"}}' };
  expect(readCmi5Launch(qs(params))).toEqual({ endpoint: params.endpoint, fetchUrl: params.fetch, registration: REG, activityId: params.activityId, actor: { objectType: 'Agent', account: { homePage: 'https://lms.example.org', name: '7' } } });
  for (const missing of Object.keys(params)) {
    const { [missing as keyof typeof params]: _, ...rest } = params;
    expect(readCmi5Launch(qs(rest))).toBeUndefined();
  }
});

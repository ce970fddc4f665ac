import { as, setup } from './setup';

describe('PropertiesService', () => {
  test('values are strings: a number is stored as its string', () => {
    const { globals } = setup();
    const props = globals.PropertiesService.getScriptProperties();
    props.setProperty('n', 42 as unknown as string);
    expect(props.getProperty('n')).toBe('42');
    expect(props.getProperty('missing')).toBeNull();
  });

  test('a property value over 9 KB is refused', () => {
    const { globals } = setup();
    const props = globals.PropertiesService.getScriptProperties();
    expect(() => props.setProperty('big', 'x'.repeat(9 * 1024 + 1))).toThrow('Argument too large: value');
    expect(props.getProperty('big')).toBeNull();
    expect(() => props.setProperty('ok', 'x'.repeat(9 * 1024))).not.toThrow();
  });

  test('a store over 500 KB is refused with the storage quota message, and nothing is written', () => {
    const { globals } = setup();
    const props = globals.PropertiesService.getScriptProperties();
    const batch: Record<string, string> = {};
    for (let i = 0; i < 60; i++) batch[`k${i}`] = 'x'.repeat(9000);
    expect(() => props.setProperties(batch)).toThrow(
      'You have exceeded the property storage quota. Please remove some properties and try again.',
    );
    expect(props.getKeys()).toEqual([]);
  });

  test('setProperties with deleteAllOthers replaces the store; getProperties returns a copy', () => {
    const { globals } = setup();
    const props = globals.PropertiesService.getScriptProperties();
    props.setProperties({ a: '1', b: '2' });
    props.setProperties({ c: '3' }, true);
    const all = props.getProperties();
    all.c = 'changed';
    expect(props.getProperties()).toEqual({ c: '3' });
    props.deleteProperty('c').setProperty('d', '4');
    expect(props.getKeys()).toEqual(['d']);
    props.deleteAllProperties();
    expect(props.getKeys()).toEqual([]);
  });

  test('user properties belong to the effective user; document properties are shared by the document', () => {
    const { rt, globals } = setup();
    rt.execute(as('a@example.com'), () => {
      globals.PropertiesService.getUserProperties().setProperty('pref', 'a');
      globals.PropertiesService.getDocumentProperties().setProperty('shared', 'yes');
    });
    rt.execute(as('b@example.com'), () => {
      expect(globals.PropertiesService.getUserProperties().getProperty('pref')).toBeNull();
      expect(globals.PropertiesService.getDocumentProperties().getProperty('shared')).toBe('yes');
    });
  });

  test('document and user properties are refused in AuthMode.NONE', () => {
    const { rt, globals } = setup();
    rt.execute(as('a@example.com', 'NONE', 'simpleTrigger'), () => {
      expect(() => globals.PropertiesService.getDocumentProperties()).toThrow(
        'You do not have permission to call PropertiesService.getDocumentProperties',
      );
      expect(() => globals.PropertiesService.getUserProperties()).toThrow('You do not have permission');
    });
  });
});

describe('CacheService', () => {
  test('cache entries expire on the simulated clock (default 600 s)', () => {
    const { rt, globals } = setup();
    const cache = globals.CacheService.getScriptCache();
    cache.put('short', 'v', 60);
    cache.put('default', 'v');
    rt.advance(59_000);
    expect(cache.get('short')).toBe('v');
    rt.advance(1_000);
    expect(cache.get('short')).toBeNull();
    rt.advance(539_000);
    expect(cache.get('default')).toBe('v');
    rt.advance(1_000);
    expect(cache.get('default')).toBeNull();
  });

  test('an expiry over 6 hours is capped at 6 hours', () => {
    const { rt, globals } = setup();
    const cache = globals.CacheService.getScriptCache();
    cache.put('k', 'v', 100_000);
    rt.advance(21_600_000 - 1);
    expect(cache.get('k')).toBe('v');
    rt.advance(1);
    expect(cache.get('k')).toBeNull();
  });

  test('a cache value over 100 KB and a key over 250 characters are refused', () => {
    const { globals } = setup();
    const cache = globals.CacheService.getScriptCache();
    expect(() => cache.put('k', 'x'.repeat(100 * 1024 + 1))).toThrow('Argument too large: value');
    expect(() => cache.put('k'.repeat(251), 'v')).toThrow('Argument too large: key');
  });

  test('getAll returns only the keys found; putAll, remove and removeAll', () => {
    const { globals } = setup();
    const cache = globals.CacheService.getUserCache();
    cache.putAll({ a: '1', b: '2', c: '3' });
    cache.remove('a');
    expect(cache.getAll(['a', 'b', 'c', 'd'])).toEqual({ b: '2', c: '3' });
    cache.removeAll(['b', 'c']);
    expect(cache.getAll(['b', 'c'])).toEqual({});
  });

  test('user caches are separate per user; the document cache is null without a document', () => {
    const { rt, globals } = setup();
    rt.execute(as('a@example.com'), () => globals.CacheService.getUserCache().put('k', 'a'));
    expect(rt.execute(as('b@example.com'), () => globals.CacheService.getUserCache().get('k'))).toBeNull();
    expect(rt.execute(as('a@example.com'), () => globals.CacheService.getUserCache().get('k'))).toBe('a');
    expect(setup({ documentId: () => null }).globals.CacheService.getDocumentCache()).toBeNull();
  });
});

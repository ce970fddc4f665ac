import { as, OWNER, setup } from './setup';

describe('DriveApp', () => {
  test('createFile and getFileById; a file the user cannot see is not found', () => {
    const { rt, globals } = setup();
    const id = globals.DriveApp.createFile('notes.txt', 'hello', 'text/plain').getId();
    const file = globals.DriveApp.getFileById(id);
    expect([
      file.getName(),
      file.getMimeType(),
      file.getOwner().getEmail(),
      file.getBlob().getDataAsString(),
    ]).toEqual(['notes.txt', 'text/plain', OWNER, 'hello']);
    rt.execute(as('stranger@example.com'), () => {
      expect(() => globals.DriveApp.getFileById(id)).toThrow('No item with the given ID could be found');
    });
    expect(() => globals.DriveApp.getFileById('missing')).toThrow('No item with the given ID could be found');
  });

  test("addViewer sends Drive's share email", () => {
    const { globals, state } = setup();
    const file = globals.DriveApp.createFile('report.csv', 'a,b', 'text/csv');
    file.addViewer('partner@acme.com').addEditor('ops@example.com');
    expect(file.getViewers().map((u) => u.getEmail())).toEqual(['partner@acme.com']);
    expect(file.getEditors().map((u) => u.getEmail())).toEqual(['ops@example.com']);
    expect(state.shares).toEqual([
      expect.objectContaining({ fileId: file.getId(), to: 'partner@acme.com', role: 'viewer', by: OWNER }),
      expect.objectContaining({ to: 'ops@example.com', role: 'editor' }),
    ]);
    file.removeViewer('partner@acme.com');
    expect(file.getViewers()).toEqual([]);
  });

  test('a viewer cannot change sharing', () => {
    const { rt, globals } = setup();
    const file = globals.DriveApp.createFile('r.txt', 'x');
    file.addViewer('v@example.com');
    rt.execute(as('v@example.com'), () => {
      const seen = globals.DriveApp.getFileById(file.getId());
      expect(() => seen.addEditor('v@example.com')).toThrow('Access denied');
    });
  });

  test("makeCopy uses the content copier when the record has one, and the copy is the caller's", () => {
    const { rt, globals } = setup();
    const copies: string[] = [];
    rt.files.set('ss-1', {
      id: 'ss-1',
      name: 'Tracker',
      mimeType: 'application/vnd.google-apps.spreadsheet',
      owner: OWNER,
      editors: new Set(['e@example.com']),
      viewers: new Set(),
      createdMs: 0,
      trashed: false,
      content: { kind: 'sheet' },
      copyContent: (newId, newName) => (copies.push(`${newId}:${newName}`), { kind: 'copy' }),
    });
    const copy = rt.execute(as('e@example.com'), () =>
      globals.DriveApp.getFileById('ss-1').makeCopy('Backup'),
    );
    expect(copies).toEqual([`${copy.getId()}:Backup`]);
    expect(rt.files.get(copy.getId())?.content).toEqual({ kind: 'copy' });
    expect(copy.getOwner().getEmail()).toBe('e@example.com');
    expect(copy.getEditors()).toEqual([]);
    expect(copy.getUrl()).toContain('docs.google.com/spreadsheets/d/');
  });

  test('getFilesByName finds untrashed files the user can see; setSharing opens a file by link', () => {
    const { rt, globals } = setup();
    const a = globals.DriveApp.createFile('same', '1');
    const b = globals.DriveApp.createFile('same', '2');
    b.setTrashed(true);
    const it = globals.DriveApp.getFilesByName('same');
    const ids: string[] = [];
    while (it.hasNext()) ids.push(it.next().getId());
    expect(ids).toEqual([a.getId()]);
    expect(b.isTrashed()).toBe(true);
    a.setSharing(globals.DriveApp.Access.ANYONE_WITH_LINK, globals.DriveApp.Permission.VIEW);
    expect(String(a.getSharingAccess())).toBe('ANYONE_WITH_LINK');
    expect(rt.execute(as('x@other.com'), () => globals.DriveApp.getFileById(a.getId()).getName())).toBe(
      'same',
    );
  });

  test('DriveApp is not allowed in a simple trigger', () => {
    const { rt, globals } = setup();
    rt.execute(as('a@example.com', 'LIMITED', 'simpleTrigger'), () => {
      expect(() => globals.DriveApp.createFile('x', 'y')).toThrow(
        'You do not have permission to call DriveApp.createFile',
      );
    });
  });
});

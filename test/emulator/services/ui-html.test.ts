import { as, setup } from './setup';

describe('Ui and HtmlService', () => {
  test('menus added record their caption and items', () => {
    const { ui, globals: _g, state } = setup();
    ui.createAddonMenu()
      .addItem('Open tracker', 'openSidebar')
      .addSeparator()
      .addSubMenu(ui.createMenu('Admin').addItem('Set up sheets', 'setUp'))
      .addToUi();
    expect(state.ui.menus).toEqual([
      {
        caption: 'Partnership Tracker',
        addon: true,
        items: [
          { caption: 'Open tracker', functionName: 'openSidebar' },
          { separator: true },
          {
            subMenu: {
              caption: 'Admin',
              addon: false,
              items: [{ caption: 'Set up sheets', functionName: 'setUp' }],
            },
          },
        ],
      },
    ]);
    expect(state.ui.menuItems()).toEqual([
      { caption: 'Open tracker', functionName: 'openSidebar' },
      { caption: 'Set up sheets', functionName: 'setUp' },
    ]);
  });

  test('in AuthMode.NONE the add-on menu can be built but showSidebar is refused', () => {
    const { rt, ui, globals, state } = setup();
    rt.execute(as('a@example.com', 'NONE', 'simpleTrigger'), () => {
      ui.createAddonMenu().addItem('Start', 'start').addToUi();
      expect(() => ui.showSidebar(globals.HtmlService.createHtmlOutput('<p>x</p>'))).toThrow(
        'You do not have permission to call Ui.showSidebar',
      );
    });
    expect(state.ui.menuItems()).toEqual([{ caption: 'Start', functionName: 'start' }]);
    expect(state.ui.pages).toEqual([]);
  });

  test('showSidebar and showModalDialog record title, html and size (sidebars are 300 px wide)', () => {
    const { rt, ui, globals, state, writePage } = setup();
    writePage('RegisterLead', '<h1>Register</h1>');
    rt.execute(as('a@example.com'), () => {
      ui.showSidebar(
        globals.HtmlService.createHtmlOutputFromFile('RegisterLead').setTitle('Register a lead'),
      );
      ui.showModalDialog(
        globals.HtmlService.createHtmlOutput('<p>Sure?</p>').setWidth(400).setHeight(200),
        'Confirm',
      );
    });
    expect(state.ui.pages).toEqual([
      {
        kind: 'sidebar',
        title: 'Register a lead',
        html: '<h1>Register</h1>',
        width: 300,
        height: 0,
        user: 'a@example.com',
      },
      {
        kind: 'modal',
        title: 'Confirm',
        html: '<p>Sure?</p>',
        width: 400,
        height: 200,
        user: 'a@example.com',
      },
    ]);
    expect(state.ui.sidebar?.title).toBe('Register a lead');
  });

  test('createHtmlOutputFromFile throws for a missing page', () => {
    const { globals } = setup();
    expect(() => globals.HtmlService.createHtmlOutputFromFile('Nope')).toThrow(
      'No HTML file named Nope was found.',
    );
  });

  test('HtmlOutput setters chain and getters read back', () => {
    const { globals } = setup();
    const out = globals.HtmlService.createHtmlOutput('<p>')
      .append('x</p>')
      .setTitle('T')
      .setWidth(320)
      .setSandboxMode(globals.HtmlService.SandboxMode.IFRAME)
      .setXFrameOptionsMode(globals.HtmlService.XFrameOptionsMode.ALLOWALL)
      .addMetaTag('viewport', 'width=device-width');
    expect([out.getContent(), out.getTitle(), out.getWidth()]).toEqual(['<p>x</p>', 'T', 320]);
  });

  test('a template escapes <?= ?>, prints <?!= ?> raw and runs <? ?> over its properties', () => {
    const { globals, writePage } = setup();
    writePage('List', '<h1><?= title ?></h1><? for (const p of partners) { ?><li><?!= p ?></li><? } ?>');
    const template = globals.HtmlService.createTemplateFromFile('List');
    template.title = 'A & <B>';
    template.partners = ['<b>Acme</b>', 'Beta'];
    expect(template.evaluate().getContent()).toBe(
      '<h1>A &amp; &lt;B&gt;</h1><li><b>Acme</b></li><li>Beta</li>',
    );
  });

  test('alert and prompt are recorded and answered from the scripted queue (default OK)', () => {
    const { rt, ui, state } = setup();
    state.ui.respond('CANCEL');
    state.ui.respond('OK', 'Acme');
    const answers = rt.execute(as('a@example.com'), () => [
      String(ui.alert('Delete?', 'Really delete?', ui.ButtonSet.OK_CANCEL)),
      ui.prompt('Partner name?').getResponseText(),
      String(ui.alert('Done')),
    ]);
    expect(answers).toEqual(['CANCEL', 'Acme', 'OK']);
    expect(state.ui.alerts.map((a) => [a.kind, a.title, a.prompt, a.buttons, a.answer])).toEqual([
      ['alert', 'Delete?', 'Really delete?', 'OK_CANCEL', 'CANCEL'],
      ['prompt', '', 'Partner name?', 'OK', 'OK'],
      ['alert', '', 'Done', 'OK', 'OK'],
    ]);
  });
});

describe('Session', () => {
  test('users come from the running execution; a withheld identity stays ""', () => {
    const { rt, globals } = setup({ scriptTimeZone: 'Europe/Paris' });
    const seen = rt.execute(
      { kind: 'simpleTrigger', activeUser: '', effectiveUser: 'b@example.com', authMode: 'LIMITED' },
      () => [
        globals.Session.getActiveUser().getEmail(),
        globals.Session.getEffectiveUser().getEmail(),
        globals.Session.getScriptTimeZone(),
      ],
    );
    expect(seen).toEqual(['', 'b@example.com', 'Europe/Paris']);
    const keyA = rt.execute(as('a@example.com'), () => globals.Session.getTemporaryActiveUserKey());
    const keyB = rt.execute(as('b@example.com'), () => globals.Session.getTemporaryActiveUserKey());
    expect(keyA).not.toBe(keyB);
    expect(keyA).not.toContain('a@example.com');
  });
});

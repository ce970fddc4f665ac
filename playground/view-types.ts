/**
 * What the playground's server sends its page: the workbook as the acting person sees it in Sheets,
 * the add-on menu, the sidebar shown, the clock and the people one can act as. Plain JSON.
 */

export interface Person {
  email: string;
  role: 'owner' | 'teammate' | 'partner';
  label: string;
}

export interface SheetTab {
  name: string;
  hidden: boolean;
}

/** An embedded chart as the page draws it (playground/chart-view.ts). */
export interface ChartView {
  type: string;
  title: string;
  anchor: { row: number; col: number };
  stacked: boolean;
  labels: string[];
  series: Array<{ name: string; values: number[] }>;
}

export interface SheetView {
  name: string;
  /** The sheet's last row with content; more than `rows` when the page drew only a first block. */
  lastRow: number;
  rows: number;
  cols: number;
  frozenRows: number;
  frozenCols: number;
  /** Display values (getDisplayValues), rows x cols. */
  display: string[][];
  /** What the formula bar shows: the formula, or the value as typed. */
  raw: string[][];
  /** 'n' for numbers, dates and booleans (right-aligned as Sheets does), 's' for text, '' empty. */
  kinds: string[][];
  /** Cell notes ('' for none). */
  notes: string[][];
  bold: boolean[][];
  backgrounds: string[][];
  /** Per-cell dropdown options from list validation rules (null where none). */
  lists: Array<Array<string[] | null>>;
  /** Validation help text per cell (null where none). */
  help: Array<Array<string | null>>;
  /** Cells the acting person cannot edit because of a protection (warning-only ones excluded). */
  locked: boolean[][];
  /** The sheet's embedded charts (the Dashboard's), drawn over the grid at their anchors. */
  charts?: ChartView[];
  /** Cells under a warning-only protection. */
  warned: boolean[][];
  columnWidths: number[];
  protections: Array<{ a1: string; description: string; warningOnly: boolean; type: string }>;
}

/** A page the add-on showed with showSidebar / showModalDialog / showModelessDialog. */
export interface PageInfo {
  id: number;
  kind: 'sidebar' | 'modal' | 'modeless';
  title: string;
  width: number;
  height: number;
  user: string;
}

export interface AlertInfo {
  title: string;
  prompt: string;
}

export interface PlaygroundState {
  name: string;
  people: Person[];
  actingUser: string;
  now: string;
  timeZone: string;
  tabs: SheetTab[];
  menu: Array<{ caption: string; functionName: string }>;
  sidebar: PageInfo | null;
  dialog: PageInfo | null;
  readOnly: boolean;
  steps: number;
  functions: string[];
  /** The sheet in front (Sheet.activate / setActiveSheet by the add-on), null when none. */
  activeSheet: string | null;
  /** How many e-mails the add-on has sent (the outbox panel lists them). */
  outbox: number;
}

export interface OutboxMail {
  to: string;
  subject: string;
  body: string;
  sentAt: string;
}

export interface ActionResult {
  ok: boolean;
  error?: string;
  /** Triggers fired by the action. */
  fired?: Array<{ handler: string; ok: boolean; error?: string; at: string }>;
  alerts?: AlertInfo[];
  sidebar?: PageInfo;
  dialog?: PageInfo;
  notes?: string[];
  result?: unknown;
}

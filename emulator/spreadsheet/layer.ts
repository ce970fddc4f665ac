/**
 * One property of every cell of a sheet (values, formulas, formats, notes, ...), stored row-major:
 * an array of rows, each row absent until a cell in it is set, each row an array no longer than
 * its last set column. 100,000 rows x 20 columns of values is 100,000 small arrays; a property
 * nobody sets costs one empty array. Indices are 0-based inside, 1-based at the API.
 */
export class Layer<T> {
  private rows: Array<Array<T | undefined> | undefined> = [];

  get(row: number, col: number): T | undefined {
    return this.rows[row - 1]?.[col - 1];
  }

  set(row: number, col: number, value: T | undefined): void {
    let line = this.rows[row - 1];
    if (value === undefined) {
      if (!line || line.length < col) return;
      line[col - 1] = undefined;
      while (line.length > 0 && line[line.length - 1] === undefined) line.length--;
      if (line.length === 0) this.rows[row - 1] = undefined;
      this.#trimRows();
      return;
    }
    if (!line) {
      while (this.rows.length < row - 1) this.rows.push(undefined);
      line = [];
      this.rows[row - 1] = line;
    }
    while (line.length < col - 1) line.push(undefined);
    line[col - 1] = value;
  }

  /** Sets a whole row from column `col` on, in one go (fixtures, appendRow). */
  setRow(row: number, col: number, values: ReadonlyArray<T | undefined>): void {
    for (let j = 0; j < values.length; j++) this.set(row, col + j, values[j]);
  }

  row(row: number): ReadonlyArray<T | undefined> | undefined {
    return this.rows[row - 1];
  }

  /** 1-based index of the last row holding anything; 0 when empty. */
  lastRow(): number {
    return this.rows.length;
  }

  lastColumn(): number {
    let max = 0;
    for (const line of this.rows) if (line && line.length > max) max = line.length;
    return max;
  }

  /** Each set cell with its 1-based coordinates. */
  *entries(): IterableIterator<[number, number, T]> {
    for (let i = 0; i < this.rows.length; i++) {
      const line = this.rows[i];
      if (!line) continue;
      for (let j = 0; j < line.length; j++) {
        const v = line[j];
        if (v !== undefined) yield [i + 1, j + 1, v];
      }
    }
  }

  isEmpty(): boolean {
    return this.rows.length === 0;
  }

  clearBox(row: number, col: number, numRows: number, numCols: number): void {
    const last = Math.min(row + numRows - 1, this.rows.length);
    for (let r = row; r <= last; r++) {
      const line = this.rows[r - 1];
      if (!line) continue;
      for (let c = col; c < col + numCols && c <= line.length; c++) line[c - 1] = undefined;
      while (line.length > 0 && line[line.length - 1] === undefined) line.length--;
      if (line.length === 0) this.rows[r - 1] = undefined;
    }
    this.#trimRows();
  }

  insertRows(before: number, count: number): void {
    if (before - 1 >= this.rows.length) return;
    this.rows.splice(before - 1, 0, ...new Array<undefined>(count).fill(undefined));
  }

  deleteRows(first: number, count: number): Array<ReadonlyArray<T | undefined> | undefined> {
    const removed = this.rows.splice(first - 1, count);
    this.#trimRows();
    return removed;
  }

  /** Rows `first`.. take the rows they name: row first+i becomes the old row first+order[i] (a sort). */
  permuteRows(first: number, order: readonly number[]): void {
    const old = order.map((_, i) => this.rows[first - 1 + i]);
    order.forEach((from, i) => {
      if (first - 1 + i < this.rows.length || old[from]) this.rows[first - 1 + i] = old[from];
    });
    this.#trimRows();
  }

  insertColumns(before: number, count: number): void {
    for (const line of this.rows) {
      if (line && line.length >= before) {
        line.splice(before - 1, 0, ...new Array<undefined>(count).fill(undefined));
      }
    }
  }

  deleteColumns(first: number, count: number): void {
    for (let i = 0; i < this.rows.length; i++) {
      const line = this.rows[i];
      if (!line) continue;
      line.splice(first - 1, count);
      while (line.length > 0 && line[line.length - 1] === undefined) line.length--;
      if (line.length === 0) this.rows[i] = undefined;
    }
    this.#trimRows();
  }

  clone(copy: (v: T) => T = (v) => v): Layer<T> {
    const out = new Layer<T>();
    out.rows = this.rows.map((line) => line?.map((v) => (v === undefined ? v : copy(v))));
    return out;
  }

  #trimRows(): void {
    while (this.rows.length > 0 && this.rows[this.rows.length - 1] === undefined) this.rows.length--;
  }
}

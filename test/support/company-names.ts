/** A company name far from every other one (8 letters from a seeded generator) + " Holdings". */
export function companyName(i: number): string {
  let x = (i + 1) * 2654435761;
  let name = '';
  for (let k = 0; k < 8; k++) {
    x = (x * 1103515245 + 12345) % 2147483648;
    name += String.fromCharCode(97 + (x % 26));
  }
  return `${name[0].toUpperCase()}${name.slice(1)} Holdings`;
}

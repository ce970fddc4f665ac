/** A chosen file's text, read in the browser (a CSV the person picked); a read failure names the file. */
export function readFileText(file: File, label = 'CSV file'): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result ?? ''));
    reader.onerror = () => reject(new Error(`${label}: ${file.name} could not be read.`));
    reader.readAsText(file);
  });
}

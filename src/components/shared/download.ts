// Saving a file the page made (a result, a review, a CSV) with the browser's download: nothing
// leaves the machine.

/** Downloads `text` as a file named `name`. */
export function download(text: string, name: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

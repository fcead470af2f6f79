/** Drawing is batched to the next frame: many events in a row draw the panel once. */

let drawer: () => void = () => undefined;
let scheduled = false;

/** Set once by the entry point: the modules that ask for a redraw do not import the drawing. */
export function drawWith(draw: () => void): void {
  drawer = draw;
}

export function render(): void {
  if (scheduled) return;
  scheduled = true;
  requestAnimationFrame(() => {
    scheduled = false;
    drawer();
  });
}

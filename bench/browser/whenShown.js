// The end of a measurement, the same for the floor and for ours: once the awaited element is in the
// DOM, force style and layout, so the figure includes what the browser must do before it can paint
// the change (not only the script that made it), and check that the element is really shown (laid
// out with a size), not merely inserted. Mutation observers run after the microtasks queued before
// them, so a render batched into a microtask (preact's) has finished by then.

/** Call `done(now)` once `find()` returns an element that is laid out with a size. */
export function whenShown(root, find, done) {
  const observer = new MutationObserver(() => {
    const element = find();
    // getBoundingClientRect forces the style recalculation and layout the next frame would do.
    if (element && element.getBoundingClientRect().height > 0) {
      const now = performance.now();
      observer.disconnect();
      done(now);
    }
  });
  observer.observe(root, { childList: true, subtree: true, attributes: true, characterData: true });
  return () => observer.disconnect();
}

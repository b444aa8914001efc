/**
 * What `<onething-status>` and `<onething-rating>` render with, loaded when the first of them needs
 * it: pages with only a form never download it. `dist/embed.js` keeps it in `embed-status.js`, next
 * to itself; that file brings its own preact, which renders only into the views' own containers.
 */
import { h, render } from 'preact';
import { RatingView, type RatingViewProps } from '../rating/RatingView.js';
import { StatusView, type StatusViewProps } from '../status/StatusView.js';

export { statusStyleSheet } from '../styles/statusStyles.js';
export { createStatusPoller } from '../status/createStatusPoller.js';

/** Render (or with `null`, clear) an application's progress into `mount`. */
export function renderStatus(mount: HTMLElement, props: StatusViewProps | null): void {
  render(props ? h(StatusView, props) : null, mount);
}

/** Render (or with `null`, clear) the 好差评 form into `mount`. */
export function renderRating(mount: HTMLElement, props: RatingViewProps | null): void {
  render(props ? h(RatingView, props) : null, mount);
}

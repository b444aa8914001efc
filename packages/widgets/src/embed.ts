/**
 * `dist/embed.js`: one self-contained ES module that defines `<onething-form>`, `<onething-status>`
 * and `<onething-rating>`. Load it with a plain `<script type="module" src="…/embed.js">`; it needs
 * no other file, no eval and no inline script.
 */
import { defineOnethingForm } from './elements/defineOnethingForm.js';
import { defineOnethingRating } from './elements/defineOnethingRating.js';
import { defineOnethingStatus } from './elements/defineOnethingStatus.js';

defineOnethingForm();
defineOnethingStatus();
defineOnethingRating();

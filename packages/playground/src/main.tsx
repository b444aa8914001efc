import { render } from 'preact';
import { App } from './app/App.js';

render(<App />, document.getElementById('app')!);

// A React host using <onething-form> from JSX (issue #4, 10): the applicant's known data goes in as the
// `data` property, the submit comes back as the `onething-submit` DOM event. Bundled at build time into
// react-host.js (no inline script: the page runs under `script-src 'self'; style-src 'self'`).
import { useEffect, useRef, useState, type DetailedHTMLProps, type HTMLAttributes } from 'react';
import { createRoot } from 'react-dom/client';

/** What <onething-form> accepts from JSX: its attributes, and `data` (set as a property). */
type OnethingFormProps = DetailedHTMLProps<HTMLAttributes<HTMLElement>, HTMLElement> & {
  bundle?: string;
  mode?: 'sections' | 'steps';
  elder?: boolean;
  'draft-key'?: string;
  data?: Record<string, unknown>;
};

declare module 'react' {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace JSX {
    interface IntrinsicElements {
      'onething-form': OnethingFormProps;
    }
  }
}

interface Submitted {
  data: Record<string, unknown>;
  payloads: Record<string, unknown>;
}

/** What the portal already knows about the applicant (from its login), handed to the form. */
const KNOWN = { motherName: '陈雅婷', motherMobile: '13859201234' };

function App() {
  const form = useRef<HTMLElement>(null);
  const [submitted, setSubmitted] = useState<Submitted | undefined>();
  // A listener on the element itself: works the same in React 18 and 19 (and preact).
  useEffect(() => {
    const element = form.current;
    if (!element) return;
    const onSubmit = (event: Event) => setSubmitted((event as CustomEvent<Submitted>).detail);
    element.addEventListener('onething-submit', onSubmit);
    return () => element.removeEventListener('onething-submit', onSubmit);
  }, []);
  return (
    <main>
      <h1>新生儿出生一件事（React 门户）</h1>
      <onething-form
        ref={form}
        bundle="./newborn.bundle.js"
        draft-key="react-host"
        mode="sections"
        data={KNOWN}
      />
      <h2>提交结果</h2>
      <output id="host-result" aria-live="polite">
        {submitted ? `已提交：${Object.keys(submitted.payloads).join('、')}` : '尚未提交'}
      </output>
    </main>
  );
}

createRoot(document.getElementById('app')!).render(<App />);

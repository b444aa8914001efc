import 'preact';

declare module 'preact' {
  namespace JSX {
    interface IntrinsicElements {
      /** The widgets' form element (defined by `defineOnethingForm`). */
      'onething-form': HTMLAttributes<HTMLElement> & {
        'no-draft'?: string;
        elder?: string;
        'region-data'?: string;
      };
    }
  }
}

/** The playground shell (being built under issue #5). */
export function App() {
  return <main>onething playground</main>;
}

import { render } from 'preact';

function Sidebar() {
  return <main data-testid="sidebar">Relance</main>;
}

render(<Sidebar />, document.getElementById('app')!);

/**
 * "Print this page" without a client component: one small inline script (run once per full page
 * load, on any public page that includes it) marks the document as able to print and handles
 * clicks on [data-print]. Without JavaScript the button stays hidden and a hint says how to print.
 */
const SCRIPT =
  "if(!window.__lodestarPrint){window.__lodestarPrint=1;document.documentElement.classList.add('can-print');" +
  "document.addEventListener('click',function(e){var t=e.target;if(t&&t.closest&&t.closest('[data-print]')){e.preventDefault();window.print()}})}"

export function PrintScript() {
  return <script dangerouslySetInnerHTML={{ __html: SCRIPT }} />
}

export function PrintButton({ label = 'Print this page' }: { label?: string }) {
  return (
    <>
      <button type="button" className="button button--secondary print-button" data-print>
        {label}
      </button>
      <span className="print-hint">
        To print, use your browser’s Print command; the page is laid out for paper.
      </span>
    </>
  )
}

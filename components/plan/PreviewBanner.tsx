/**
 * Payload's live preview shows the page in a frame beside the editor. This script (rendered only
 * in draft preview, never on public pages) tells the admin the page is ready and reloads it each
 * time the editor saves. A plain script rather than a client component, so that no public page
 * ships its code.
 */
const LIVE_PREVIEW_SCRIPT =
  'if(!window.__lodestarLive){window.__lodestarLive=1;' +
  'var a=window.opener||(window.parent!==window?window.parent:null);' +
  "if(a){var o=location.origin;addEventListener('message',function(e){" +
  "if(e.origin===o&&e.data&&e.data.type==='payload-document-event')location.reload()});" +
  "a.postMessage({type:'payload-live-preview',ready:true},o)}}"

/** Shown to a staff user looking at a draft (draft mode); the form leaves preview without JavaScript. */
export function PreviewBanner({ path }: { path: string }) {
  return (
    <aside className="preview-banner no-print" aria-label="Draft preview">
      <div className="container preview-banner__inner">
        <p>
          <strong>Draft preview.</strong> You are seeing the latest saved draft of this plan.
          Visitors see the published version.
        </p>
        <form method="post" action="/next/exit-preview">
          <input type="hidden" name="path" value={path} />
          <button type="submit" className="button button--secondary">
            Exit preview
          </button>
        </form>
      </div>
      <script dangerouslySetInnerHTML={{ __html: LIVE_PREVIEW_SCRIPT }} />
    </aside>
  )
}

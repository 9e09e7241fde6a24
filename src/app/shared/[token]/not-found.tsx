/** A share link that is unknown, expired or revoked: one answer for all three, so a token reveals nothing. */
export default function SharedPlanNotFound() {
  return (
    <main id="main">
      <div className="notice notice-error" role="alert" data-testid="share-link-gone">
        <h1>This link no longer works</h1>
        <p>The link has expired or your coach has withdrawn it. Ask your coach for a new one.</p>
      </div>
    </main>
  );
}

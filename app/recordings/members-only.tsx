import { Link } from "~/ui/link";

/**
 * What a visitor, or someone whose membership is not active yet, sees instead of the library or a
 * recording: what it is and how to get in, with links that bring them back to the same address.
 * It says nothing about any particular recording, so guessing addresses reveals nothing.
 */
export function MembersOnly({ returnTo }: { returnTo: string }) {
  const back = new URLSearchParams({ redirectTo: returnTo }).toString();
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <h1>Recordings are for network members</h1>
        <p>
          Members can watch recordings of past webinars, with captions and a transcript, and download the slides. They are
          usually added a few days after each webinar.
        </p>
        <p>
          <Link to={`/sign-in?${back}`}>Sign in</Link> to watch them.
        </p>
        <p>
          Not a member yet? <Link to={`/join?${back}`}>Join the network</Link>: it is free for social prescribing link workers
          in England and the people who support them.
        </p>
        <div className="nhsuk-inset-text">
          <span className="nhsuk-u-visually-hidden">Information: </span>
          <p>
            If you have asked to join, you can watch recordings once the network team has approved your request. Read{" "}
            <Link to="/faq#how-to-join">how joining works</Link>.
          </p>
        </div>
      </div>
    </div>
  );
}

import { PageHeader } from "../../components/page-header.tsx";
import { QueryStates } from "../../components/states.tsx";
import { useLinkStatus } from "./api/link-status.ts";
import "./account-link.css";
import { LinkExplainer } from "./components/link-explainer.tsx";
import { LinkForm } from "./components/link-form.tsx";
import { LinkedCard } from "./components/linked-card.tsx";

/**
 * /account-link — joining this LINE account to the customer's shop membership: the explanation first, then the
 * form (or, once linked, the link and how to undo it). Loaded as its own chunk: most visits never open it.
 */
export default function AccountLinkPage() {
  const status = useLinkStatus();
  return (
    <div className="page">
      <PageHeader ja="会員連携" en="Link membership" />
      <QueryStates query={status}>
        {(data) =>
          data.member ? (
            <LinkedCard status={{ ...data, member: data.member }} />
          ) : (
            <>
              <LinkExplainer />
              <LinkForm />
            </>
          )
        }
      </QueryStates>
    </div>
  );
}

import { Component, type ReactNode } from "react";
import { ErrorState } from "./states.tsx";

interface Props {
  children: ReactNode;
  /** When this changes (e.g. the route), a shown error is cleared. */
  resetKey?: unknown;
}

/** Catches render errors and failed lazy screens so a person sees a message, never a blank page. */
export class ErrorBoundary extends Component<Props, { error: unknown }> {
  override state: { error: unknown } = { error: undefined };

  static getDerivedStateFromError(error: unknown) {
    return { error };
  }

  override componentDidUpdate(previous: Props) {
    if (this.state.error !== undefined && previous.resetKey !== this.props.resetKey) this.setState({ error: undefined });
  }

  override render() {
    if (this.state.error === undefined) return this.props.children;
    // A reload also fetches screens a newer deploy replaced.
    return (
      <div className="page">
        <ErrorState error={this.state.error} onRetry={() => window.location.reload()} />
      </div>
    );
  }
}

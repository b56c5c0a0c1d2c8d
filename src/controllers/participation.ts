/**
 * Subscribers-only commenting: the viewer's state (prompt, notices, composer), posting, and
 * inline replies. Filled in by the subscribers issue.
 */
import { nothing, type ReactiveController, type TemplateResult } from 'lit';
import type { Comment } from '../api/types.js';
import type { ParleyHost } from '../host.js';

export class ParticipationController implements ReactiveController {
  constructor(private readonly host: ParleyHost) {
    host.addController(this);
  }

  hostConnected(): void {}

  /** Above the comments: the subscribe prompt, a notice, or the composer. */
  renderArea(): TemplateResult | typeof nothing {
    return nothing;
  }

  /** The reply button under `comment`, for those who may reply. */
  renderReplyButton(_comment: Comment): TemplateResult | typeof nothing {
    return nothing;
  }

  /** The inline reply composer under `comment`, when open. */
  renderReplyForm(_comment: Comment): TemplateResult | typeof nothing {
    return this.host.isConnected ? nothing : nothing;
  }
}

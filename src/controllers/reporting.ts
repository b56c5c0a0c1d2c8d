/**
 * "Report this comment": the report button, the inline reason form with Cancel, the
 * confirmation with Undo. Filled in by the report issue.
 */
import { nothing, type ReactiveController, type TemplateResult } from 'lit';
import type { Comment } from '../api/types.js';
import type { ParleyHost } from '../host.js';

export class ReportController implements ReactiveController {
  constructor(private readonly host: ParleyHost) {
    host.addController(this);
  }

  hostConnected(): void {}

  /** The report button under `comment`. */
  renderButton(_comment: Comment): TemplateResult | typeof nothing {
    return nothing;
  }

  /** The report form or its confirmation under `comment`, when open. */
  renderForm(_comment: Comment): TemplateResult | typeof nothing {
    return this.host.isConnected ? nothing : nothing;
  }
}

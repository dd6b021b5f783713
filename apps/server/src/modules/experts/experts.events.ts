/** What the expert pool publishes (see infra/events.ts). */

/** 专家认证 a reviewer verified (or refused) an expert's application. */
export interface ExpertDecided {
  expertId: string;
  userId: string;
  decision: 'verified' | 'rejected';
  /** ISO instant */
  decidedAt: string;
}

/** 提问 an enterprise member asked a question, public or a private consultation. */
export interface ExpertQuestionAsked {
  questionId: string;
  orgId: string;
  visibility: 'public' | 'private';
  /** the chosen expert of a private consultation */
  expertId: string | null;
  /** the agreed fee in fen (null: free or public); settlement is not built (ADR 0130) */
  feeFen: number | null;
  /** ISO instant */
  askedAt: string;
}

/** 回答 a verified expert answered. */
export interface ExpertAnswered {
  questionId: string;
  answerId: string;
  expertId: string;
  /** ISO instant */
  answeredAt: string;
}

/** 采纳 the asker accepted an answer. */
export interface ExpertAnswerAccepted {
  questionId: string;
  answerId: string;
  expertId: string;
  /** ISO instant */
  acceptedAt: string;
}

declare module '../../infra/events' {
  interface DomainEvents {
    'experts.decided': ExpertDecided;
    'experts.question_asked': ExpertQuestionAsked;
    'experts.answered': ExpertAnswered;
    'experts.answer_accepted': ExpertAnswerAccepted;
  }
}

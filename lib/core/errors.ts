// Expected failures: each becomes a clear message for the person, never a 500.
export class AppError extends Error {
  constructor(
    message: string,
    readonly code: "not_found" | "conflict" | "validation" | "rate_limited",
  ) {
    super(message);
  }
}

/** Also used for "forbidden": a 404 tells an outsider less than a 403. */
export class NotFoundError extends AppError {
  constructor(message = "We couldn't find that. It may have been removed, or you may not have access to it.") {
    super(message, "not_found");
  }
}

export class ConflictError extends AppError {
  constructor(message = "Someone else changed this while you were working on it. Reload to see the latest version.") {
    super(message, "conflict");
  }
}

export class ValidationError extends AppError {
  constructor(
    message: string,
    readonly fieldErrors: Record<string, string[] | undefined> = {},
  ) {
    super(message, "validation");
  }
}

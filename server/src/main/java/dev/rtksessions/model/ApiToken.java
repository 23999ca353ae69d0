package dev.rtksessions.model;

/** A stored API token; the secret itself is never stored, only its hash. */
public record ApiToken(
    String id, String accountId, Permission permission, String description, long createdAt, Long revokedAt) {

  /** True for the bootstrap token that reaches every account. */
  public boolean allAccounts() {
    return accountId == null;
  }

  public boolean reaches(String account) {
    return allAccounts() || accountId.equals(account);
  }
}

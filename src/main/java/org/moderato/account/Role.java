package org.moderato.account;

/** Staff roles. The names are the groups Jakarta Security sees and web.xml constrains. */
public enum Role {
    MODERATOR("moderator"),
    ADMIN("admin");

    public static final String MODERATOR_NAME = "moderator";
    public static final String ADMIN_NAME = "admin";

    private final String groupName;

    Role(String groupName) {
        this.groupName = groupName;
    }

    public String groupName() {
        return groupName;
    }
}

package org.everyoneserves.provisioning;

/** What a provider's SCIM groups stand for in the organisation. */
public enum GroupTarget {
    DEPARTMENT, JOB_ROLE
}

package org.everyoneserves.provisioning;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The identity provider's own id of a person (SCIM's externalId). */
@Entity
@Table(name = "scim_person")
class ScimPerson {

    static final int EXTERNAL_ID_MAXLENGTH = 255;

    @Id
    @Column(name = "person_id")
    private Long personId;

    @Column(name = "external_id", nullable = false, unique = true, length = EXTERNAL_ID_MAXLENGTH)
    private String externalId;

    protected ScimPerson() {
    }

    ScimPerson(long personId, String externalId) {
        this.personId = personId;
        this.externalId = externalId;
    }

    Long getPersonId() { return personId; }
    String getExternalId() { return externalId; }
    void setExternalId(String externalId) { this.externalId = externalId; }
}

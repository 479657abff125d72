package org.everyoneserves.provisioning.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.captaingoldfish.scim.sdk.common.exceptions.BadRequestException;
import de.captaingoldfish.scim.sdk.common.resources.User;
import de.captaingoldfish.scim.sdk.common.utils.JsonHelper;
import org.everyoneserves.provisioning.PersonChange;
import org.junit.jupiter.api.Test;

/** What an identity provider's User says about a person, read the way the handler reads it. */
class UserHandlerTest {

    @Test
    void entrasUserNameIsTheEmailAndTheEnterpriseExtensionPlacesThePerson() {
        PersonChange change = UserHandler.change(user("""
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User","urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"],
                 "externalId":"0a21f0f2","userName":"ada@testuser.com","active":true,
                 "emails":[{"primary":true,"type":"work","value":"other@testuser.com"}],
                 "name":{"familyName":"Lindqvist","givenName":"Ada"},
                 "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":{"department":"Sales","manager":{"value":"42"}}}"""));
        assertEquals("ada@testuser.com", change.email());
        assertEquals("Ada", change.firstName());
        assertEquals("Lindqvist", change.lastName());
        assertEquals("0a21f0f2", change.externalId());
        assertTrue(change.organisationGiven());
        assertEquals("Sales", change.department());
        assertEquals(42L, change.managerId());
        assertTrue(change.active());
    }

    @Test
    void aUserNameThatIsNoEmailFallsBackToThePrimaryEmailAndADisplayNameToTheNames() {
        PersonChange change = UserHandler.change(user("""
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"ALindqvist",
                 "displayName":"Ada Maria Lindqvist","emails":[{"value":"x@testuser.com"},{"primary":true,"value":"ada@testuser.com"}]}"""));
        assertEquals("ada@testuser.com", change.email());
        assertEquals("Ada Maria", change.firstName());
        assertEquals("Lindqvist", change.lastName());
        assertFalse(change.organisationGiven(), "without the extension, department and manager stay as they are");
        assertNull(change.active());
    }

    @Test
    void missingNamesOrEmailsAndAManagerThatIsNoIdAreRefused() {
        assertTrue(assertThrows(BadRequestException.class, () -> UserHandler.change(user("""
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"ada@testuser.com"}"""))).getDetail().contains("givenName"));
        assertTrue(assertThrows(BadRequestException.class, () -> UserHandler.change(user("""
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"ALindqvist","name":{"givenName":"A","familyName":"L"}}""")))
                .getDetail().contains("e-mail"));
        assertTrue(assertThrows(BadRequestException.class, () -> UserHandler.change(user("""
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User","urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"],
                 "userName":"ada@testuser.com","name":{"givenName":"A","familyName":"L"},
                 "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":{"manager":{"value":"boss@testuser.com"}}}""")))
                .getDetail().contains("boss@testuser.com"));
    }

    private static User user(String json) {
        return JsonHelper.readJsonDocument(json, User.class);
    }
}

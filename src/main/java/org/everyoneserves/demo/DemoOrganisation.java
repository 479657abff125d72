package org.everyoneserves.demo;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import org.everyoneserves.people.Department;
import org.everyoneserves.people.JobRole;
import org.everyoneserves.people.PersonDetails;
import org.everyoneserves.people.PersonService;
import org.everyoneserves.platform.AppConfig;
import org.everyoneserves.platform.ApplicationStarted;
import org.everyoneserves.progress.ReportService;
import org.everyoneserves.platform.Caller;
import org.everyoneserves.security.AccountService;
import org.everyoneserves.security.PasswordHasher;
import org.everyoneserves.refreshers.RefresherDemo;
import org.everyoneserves.shadowing.ShadowingDemo;

/**
 * Brightwater Supplies, the demo company: fourteen departments, 53 people with managers and start dates over the past
 * year (three start this week). Created at start-up in demo mode only, and only into a database without people,
 * so it never touches a real organisation. Every demo person has the password {@value #PASSWORD}.
 */
@ApplicationScoped
public class DemoOrganisation {

    public static final String PASSWORD = "serve-customers-2026";
    public static final String DOMAIN = "brightwater.example";
    private static final Logger LOG = Logger.getLogger(DemoOrganisation.class.getName());

    @Inject
    AppConfig config;

    @Inject
    PersonService people;

    @Inject
    AccountService accounts;

    @Inject
    PasswordHasher hasher;

    @Inject
    Clock clock;

    @Inject
    ShadowingDemo shadowingDemo;

    @Inject
    DemoHistory history;

    @Inject
    RefresherDemo refresherDemo;

    @Inject
    ReportService reports;

    record Dept(String code, String name) {
    }

    record Role(String code, String name, String department) {
    }

    /** first, last, department, role, manager's first name (unique here), days since start, locale, admin */
    record Member(String first, String last, String department, String role, String manager, int daysAgo, String locale,
                  boolean admin) {
    }

    static final List<Dept> DEPARTMENTS = List.of(
            new Dept("customer-support", "Customer Support"), new Dept("sales", "Sales"),
            new Dept("finance", "Finance and Collections"), new Dept("engineering", "Engineering and IT"),
            new Dept("operations", "Operations and Production"), new Dept("people", "People and HR"),
            new Dept("marketing", "Marketing"), new Dept("administration", "Administration and Reception"),
            new Dept("leadership", "Leadership"), new Dept("customer-success", "Customer Success and Onboarding"),
            new Dept("product", "Product and Design"), new Dept("field-service", "Field Service and Delivery"),
            new Dept("procurement", "Procurement and Facilities"), new Dept("legal", "Legal and Compliance"));

    static final List<Role> ROLES = List.of(
            new Role("support-agent", "Customer Support Agent", "customer-support"),
            new Role("support-lead", "Support Team Lead", "customer-support"),
            new Role("account-executive", "Account Executive", "sales"),
            new Role("accounts-receivable", "Accounts Receivable and Collections Specialist", "finance"),
            new Role("accountant", "Accountant", "finance"),
            new Role("software-engineer", "Software Engineer", "engineering"),
            new Role("it-support", "IT Support Technician", "engineering"),
            new Role("operations-coordinator", "Operations Coordinator", "operations"),
            new Role("production-technician", "Production Technician", "operations"),
            new Role("hr-partner", "HR Partner", "people"),
            new Role("recruiter", "Recruiter", "people"),
            new Role("marketing-specialist", "Marketing Specialist", "marketing"),
            new Role("office-administrator", "Office Administrator", "administration"),
            new Role("receptionist", "Receptionist", "administration"),
            new Role("people-manager", "Team Manager", "leadership"),
            new Role("executive", "Executive", "leadership"),
            new Role("customer-success-manager", "Customer Success Manager", "customer-success"),
            new Role("onboarding-specialist", "Onboarding Specialist", "customer-success"),
            new Role("product-manager", "Product Manager", "product"),
            new Role("product-designer", "Product Designer", "product"),
            new Role("field-technician", "Field Service Technician", "field-service"),
            new Role("delivery-driver", "Delivery Driver", "field-service"),
            new Role("procurement-specialist", "Procurement Specialist", "procurement"),
            new Role("facilities-coordinator", "Facilities Coordinator", "procurement"),
            new Role("legal-counsel", "Legal Counsel", "legal"),
            new Role("compliance-officer", "Compliance Officer", "legal"));

    static final List<Member> MEMBERS = List.of(
            new Member("Amara", "Okafor", "leadership", "executive", null, 362, "en", false),
            new Member("Daniel", "Weber", "customer-support", "people-manager", "Amara", 340, "en", false),
            new Member("Sofia", "Marques", "sales", "people-manager", "Amara", 331, "en", false),
            new Member("Liam", "O'Connor", "finance", "people-manager", "Amara", 325, "en", false),
            new Member("Mei", "Chen", "engineering", "people-manager", "Amara", 318, "en", false),
            new Member("Jonas", "Lindqvist", "operations", "people-manager", "Amara", 300, "en", false),
            new Member("Hannah", "Becker", "people", "people-manager", "Amara", 296, "de", false),
            new Member("Grace", "Mensah", "marketing", "people-manager", "Amara", 280, "en", false),
            new Member("Tomás", "García", "administration", "people-manager", "Amara", 270, "en", false),
            new Member("Ruth", "Adeyemi", "customer-support", "support-lead", "Daniel", 250, "en", false),
            new Member("Noah", "Fischer", "customer-support", "support-agent", "Ruth", 2, "en", false),
            new Member("Chloé", "Dubois", "customer-support", "support-agent", "Ruth", 0, "en", false),
            new Member("Lukas", "Schmidt", "customer-support", "support-agent", "Ruth", 120, "de", false),
            new Member("Aisha", "Khan", "customer-support", "support-agent", "Ruth", 45, "en", false),
            new Member("Mateo", "Rossi", "customer-support", "support-agent", "Ruth", 210, "en", false),
            new Member("Olivia", "Brown", "sales", "account-executive", "Sofia", 190, "en", false),
            new Member("Ethan", "Walker", "sales", "account-executive", "Sofia", 160, "en", false),
            new Member("Yuki", "Tanaka", "sales", "account-executive", "Sofia", 75, "en", false),
            new Member("Samuel", "Osei", "sales", "account-executive", "Sofia", 28, "en", false),
            new Member("Isabel", "Costa", "sales", "account-executive", "Sofia", 230, "en", false),
            new Member("Fatima", "El-Amin", "finance", "accounts-receivable", "Liam", 140, "en", false),
            new Member("George", "Hughes", "finance", "accounts-receivable", "Liam", 60, "en", false),
            new Member("Nadia", "Petrova", "finance", "accountant", "Liam", 260, "en", false),
            new Member("Kwame", "Asante", "finance", "accountant", "Liam", 95, "en", false),
            new Member("Priya", "Raman", "engineering", "software-engineer", "Mei", 3, "en", false),
            new Member("Jakob", "Novak", "engineering", "software-engineer", "Mei", 175, "en", false),
            new Member("Elena", "Popescu", "engineering", "software-engineer", "Mei", 220, "en", false),
            new Member("Ben", "Carter", "engineering", "software-engineer", "Mei", 52, "en", false),
            new Member("Ravi", "Iyer", "engineering", "it-support", "Mei", 130, "en", false),
            new Member("Zoe", "Martin", "engineering", "it-support", "Mei", 18, "en", false),
            new Member("Carlos", "Mendes", "operations", "operations-coordinator", "Jonas", 200, "en", false),
            new Member("Anna", "Kowalska", "operations", "operations-coordinator", "Jonas", 85, "en", false),
            new Member("Ibrahim", "Diallo", "operations", "production-technician", "Jonas", 240, "en", false),
            new Member("Sara", "Nilsson", "operations", "production-technician", "Jonas", 110, "en", false),
            new Member("Tom", "Baker", "operations", "production-technician", "Jonas", 12, "en", false),
            new Member("Leah", "Goldberg", "people", "hr-partner", "Hannah", 155, "en", false),
            new Member("Marcus", "Johnson", "people", "recruiter", "Hannah", 65, "en", false),
            new Member("Lina", "Haddad", "marketing", "marketing-specialist", "Grace", 180, "en", false),
            new Member("Oscar", "Eriksen", "marketing", "marketing-specialist", "Grace", 100, "en", false),
            new Member("Maya", "Patel", "marketing", "marketing-specialist", "Grace", 35, "en", false),
            new Member("Alex", "Morgan", "administration", "office-administrator", "Tomás", 290, "en", true),
            new Member("Jessica", "Moore", "administration", "receptionist", "Tomás", 8, "en", false),
            new Member("Valentina", "Ruiz", "customer-success", "people-manager", "Amara", 265, "en", false),
            new Member("Kofi", "Boateng", "customer-success", "customer-success-manager", "Valentina", 150, "en", false),
            new Member("Emma", "Walsh", "customer-success", "onboarding-specialist", "Valentina", 9, "en", false),
            new Member("Arjun", "Mehta", "product", "product-manager", "Amara", 205, "en", false),
            new Member("Inês", "Duarte", "product", "product-designer", "Arjun", 58, "en", false),
            new Member("Wiktor", "Zielinski", "field-service", "field-technician", "Jonas", 170, "en", false),
            new Member("Dara", "Kelly", "field-service", "delivery-driver", "Jonas", 40, "en", false),
            new Member("Helen", "Clarke", "procurement", "procurement-specialist", "Liam", 190, "en", false),
            new Member("Omar", "Farouk", "procurement", "facilities-coordinator", "Tomás", 88, "en", false),
            new Member("Julia", "Hoffmann", "legal", "legal-counsel", "Amara", 235, "de", false),
            new Member("Felix", "Braun", "legal", "compliance-officer", "Julia", 25, "en", false));

    void onStart(@Observes @Priority(Interceptor.Priority.APPLICATION + 500) ApplicationStarted started) {
        if (config.demoMode()) {
            seed();
        }
    }

    /**
     * Creates the demo company in an empty database. Nodes starting together do not both seed it: every observer of
     * {@link ApplicationStarted} runs under the start-up's cluster lock ({@code StartupListener}), so the second node
     * finds the people there. (A named lock of its own, taken and released through the entity manager outside a
     * transaction, could be taken on one pooled connection and released on another, leaving the first holding it and
     * every later start waiting two minutes for it.)
     */
    public void seed() {
        if (people.countPeople(false) > 0) {
            return;
        }
        Map<String, String> departmentNames = new java.util.LinkedHashMap<>();
        DEPARTMENTS.forEach(d -> departmentNames.put(d.code(), d.name()));
        Map<String, List<String>> roleNames = new java.util.LinkedHashMap<>();
        ROLES.forEach(r -> roleNames.put(r.code(), List.of(r.name(), r.department())));
        people.adoptOrganisation(Caller.SYSTEM, departmentNames, roleNames);
        Map<String, Long> departments = new HashMap<>();
        DEPARTMENTS.forEach(d -> departments.put(d.code(), people.findByCode(Department.class, d.code()).orElseThrow()));
        Map<String, Long> roles = new HashMap<>();
        ROLES.forEach(r -> roles.put(r.code(), people.findByCode(JobRole.class, r.code()).orElseThrow()));
        String hash = hasher.hash(PASSWORD);
        LocalDate today = LocalDate.now(clock);
        Map<String, Long> ids = new HashMap<>();
        for (Member m : MEMBERS) {
            PersonDetails details = new PersonDetails();
            details.setEmail(email(m.first(), m.last()));
            details.setFirstName(m.first());
            details.setLastName(m.last());
            details.setDepartmentId(departments.get(m.department()));
            details.setJobRoleId(roles.get(m.role()));
            details.setManagerEmail(m.manager() == null ? null : email(m.manager(), managerLastName(m.manager())));
            details.setStartDate(today.minusDays(m.daysAgo()));
            details.setLocale(m.locale());
            details.setAdmin(m.admin());
            long id = people.create(Caller.SYSTEM, details);
            accounts.storePasswordHash(id, hash);
            ids.put(m.first(), id);
        }
        Map<String, LocalDate> starts = new HashMap<>();
        Map<String, String> memberRoles = new HashMap<>();
        MEMBERS.forEach(m -> {
            starts.put(m.first(), today.minusDays(m.daysAgo()));
            memberRoles.put(m.first(), m.role());
        });
        history.replay(ids, starts, memberRoles);
        shadowingDemo.seed(ids, departments);
        refresherDemo.seed(ids);
        reports.rebuildCompletionMonths();
        LOG.info(() -> "Demo organisation created: " + MEMBERS.size() + " people at " + DOMAIN + ", password " + PASSWORD);
    }

    static String email(String first, String last) {
        String ascii = java.text.Normalizer.normalize(first + "." + last, java.text.Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return ascii.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z.]", "") + "@" + DOMAIN;
    }

    private static String managerLastName(String first) {
        return MEMBERS.stream().filter(m -> m.first().equals(first)).findFirst().orElseThrow().last();
    }
}

package org.everyoneserves.people;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

@Entity
@Table(name = "department")
public class Department {

    public static final int CODE_MAXLENGTH = 64;
    public static final int NAME_MAXLENGTH = 120;
    public static final String CODE_PATTERN = "[a-z0-9]+(-[a-z0-9]+)*";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @NotBlank
    @Size(max = CODE_MAXLENGTH)
    @Pattern(regexp = CODE_PATTERN, message = "{validation.code}")
    @Column(nullable = false, unique = true, length = CODE_MAXLENGTH)
    private String code;

    @NotBlank
    @Size(max = NAME_MAXLENGTH)
    @Column(nullable = false, unique = true, length = NAME_MAXLENGTH)
    private String name;

    @Version
    private int version;

    protected Department() {
    }

    public Department(String code, String name) {
        this.code = code;
        this.name = name;
    }

    public static Department blank() {
        return new Department();
    }

    public Long getId() { return id; }
    public String getCode() { return code; }
    public void setCode(String code) { this.code = Codes.normalise(code); }
    public String getName() { return name; }
    public void setName(String name) { this.name = name == null ? null : name.strip(); }
    public int getVersion() { return version; }
}

package org.everyoneserves.content;

public record JobRole(String code, String name, String department, Positions positions) {
}

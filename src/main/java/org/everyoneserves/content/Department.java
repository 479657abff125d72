package org.everyoneserves.content;

public record Department(String code, String name, Positions positions) {
}

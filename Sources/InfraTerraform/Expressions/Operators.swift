// Terraform's operators on typed expressions: comparison, logic and arithmetic. Each builds an
// `Expression.Node.binary`/`.unary`; the renderer adds parentheses only where HCL's precedence
// needs them. Equality is `.==`/`.!=` (as in SIMD), because `==` on `Expr` is Swift's own
// `Equatable` (two expressions are the same tree).

import InfraCore

extension Expr {
    /// `lhs == rhs` as a Terraform condition: `Fn.length(ids) .== 0`.
    public static func .== (lhs: Expr<T>, rhs: Expr<T>) -> Expr<Bool> {
        Expr<Bool>(.binary("==", lhs.expression, rhs.expression))
    }

    /// `lhs != rhs` as a Terraform condition: `logBucket .!= ""`.
    public static func .!= (lhs: Expr<T>, rhs: Expr<T>) -> Expr<Bool> {
        Expr<Bool>(.binary("!=", lhs.expression, rhs.expression))
    }

    /// `self == other` as a Terraform condition (the same as `.==`).
    public func isEqual(to other: Expr<T>) -> Expr<Bool> {
        self .== other
    }
}

extension Expr where T == InfraCore.Value {
    /// `lhs == rhs` for an untyped value and a typed one: `rule.policy .== ""`.
    public static func .== <U>(lhs: Expr<InfraCore.Value>, rhs: Expr<U>) -> Expr<Bool> {
        Expr<Bool>(.binary("==", lhs.expression, rhs.expression))
    }

    /// `lhs != rhs` for an untyped value and a typed one: `rule.policy .!= ""`.
    public static func .!= <U>(lhs: Expr<InfraCore.Value>, rhs: Expr<U>) -> Expr<Bool> {
        Expr<Bool>(.binary("!=", lhs.expression, rhs.expression))
    }
}

extension Expr where T: TerraformNumber {
    /// `lhs < rhs`
    public static func < (lhs: Expr<T>, rhs: Expr<T>) -> Expr<Bool> {
        Expr<Bool>(.binary("<", lhs.expression, rhs.expression))
    }

    /// `lhs <= rhs`
    public static func <= (lhs: Expr<T>, rhs: Expr<T>) -> Expr<Bool> {
        Expr<Bool>(.binary("<=", lhs.expression, rhs.expression))
    }

    /// `lhs > rhs`: `Fn.length(publicSubnets) > 0`.
    public static func > (lhs: Expr<T>, rhs: Expr<T>) -> Expr<Bool> {
        Expr<Bool>(.binary(">", lhs.expression, rhs.expression))
    }

    /// `lhs >= rhs`
    public static func >= (lhs: Expr<T>, rhs: Expr<T>) -> Expr<Bool> {
        Expr<Bool>(.binary(">=", lhs.expression, rhs.expression))
    }

    /// `lhs + rhs`: `200 + index`.
    public static func + (lhs: Expr<T>, rhs: Expr<T>) -> Expr<T> {
        Expr(.binary("+", lhs.expression, rhs.expression))
    }

    /// `lhs - rhs`
    public static func - (lhs: Expr<T>, rhs: Expr<T>) -> Expr<T> {
        Expr(.binary("-", lhs.expression, rhs.expression))
    }

    /// `lhs * rhs`
    public static func * (lhs: Expr<T>, rhs: Expr<T>) -> Expr<T> {
        Expr(.binary("*", lhs.expression, rhs.expression))
    }

    /// `lhs / rhs` (Terraform numbers are not truncated: `7 / 2` is `3.5`).
    public static func / (lhs: Expr<T>, rhs: Expr<T>) -> Expr<T> {
        Expr(.binary("/", lhs.expression, rhs.expression))
    }

    /// `lhs % rhs`
    public static func % (lhs: Expr<T>, rhs: Expr<T>) -> Expr<T> {
        Expr(.binary("%", lhs.expression, rhs.expression))
    }

    /// `-operand`
    public static prefix func - (operand: Expr<T>) -> Expr<T> {
        Expr(Expression(.unary("-", operand.expression.node)))
    }
}

extension Expr where T == Bool {
    /// `lhs && rhs`
    public static func && (lhs: Expr<Bool>, rhs: Expr<Bool>) -> Expr<Bool> {
        Expr<Bool>(.binary("&&", lhs.expression, rhs.expression))
    }

    /// `lhs || rhs`
    public static func || (lhs: Expr<Bool>, rhs: Expr<Bool>) -> Expr<Bool> {
        Expr<Bool>(.binary("||", lhs.expression, rhs.expression))
    }

    /// `!operand`
    public static prefix func ! (operand: Expr<Bool>) -> Expr<Bool> {
        Expr<Bool>(Expression(.unary("!", operand.expression.node)))
    }
}

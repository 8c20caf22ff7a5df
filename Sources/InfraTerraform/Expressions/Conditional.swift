// `condition ? then : else` with one type for both branches. Swift's `?:` cannot be
// overloaded, so the typed form is `.if(condition, then:, else:)`.

import InfraCore

extension Expr {
    /// `condition ? then : otherwise`, both branches of the same Terraform type.
    ///
    /// ```swift
    /// AWSInternetGateway("main", vpcId: vpc.id).count(.if(Fn.length(publicSubnets) > 0, then: 1, else: 0))
    /// // count = length(var.public_subnets) > 0 ? 1 : 0
    /// ```
    public static func `if`(_ condition: Expr<Bool>, then: Expr<T>, else otherwise: Expr<T>) -> Expr<T> {
        Expr(.conditional(condition.expression, then.expression, otherwise.expression))
    }
}

package io.plantspy.web.home;

import io.plantspy.web.api.ApiException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * An API failure that no page handled itself, shown as the API's problem title and detail (or "unreachable"), never
 * as a stack trace. htmx gets a fragment with status 200, since it swaps in only successful answers.
 */
@ControllerAdvice
public class ApiErrorPages {

  @ExceptionHandler(ApiException.class)
  String apiFailed(ApiException problem, Model model, HttpServletRequest request, HttpServletResponse response) {
    model.addAttribute("problem", problem);
    if (request.getHeader("HX-Request") != null) {
      return "fragments :: problem";
    }
    response.setStatus(problem.status() >= 400 ? problem.status() : HttpStatus.BAD_GATEWAY.value());
    return "api-error";
  }
}
